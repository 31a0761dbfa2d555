"""The collection as data: downloads and explorer data, stats, the JSON Schema, case skeletons."""
