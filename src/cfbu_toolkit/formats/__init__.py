"""The built-in formats, one package each; every one registers itself as a plugin."""
