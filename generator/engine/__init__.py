"""Engine: the MkDocs + Material adapter, its hooks and theme overrides (the only MkDocs user)."""
