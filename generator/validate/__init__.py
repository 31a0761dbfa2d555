"""Validate: check the taxonomy and every case, collect every problem, build the collection."""
