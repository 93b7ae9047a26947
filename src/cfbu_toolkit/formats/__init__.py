"""The built-in formats, one package each: ``json``, ``markdown`` and ``xlsx``.

Each package's ``plugin`` module registers its exporter and its importer under one plugin
name, exactly as a third-party plugin does (see
:data:`cfbu_toolkit.plugins.manager.DEFAULT_PLUGINS`); the writing, the reading and
the format's own layout and words sit beside it.
"""
