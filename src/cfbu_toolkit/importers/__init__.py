"""Built-in importers, each a plugin registered exactly as a third-party one is."""
