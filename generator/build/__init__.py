"""Build: the pipeline as one call (sikb build, sikb serve), and publishing the site folder."""
