"""Load: read a case file, split its front matter, parse YAML with every key's line and column."""
