"""The Markdown exporter's parts: escaping, wording, formatting and one module per kind."""
