"""Built-in exporters, each a plugin registered exactly as a third-party one is."""
