"""The JSON document format: the lossless envelope of :mod:`cfbu_toolkit.io.document`."""
