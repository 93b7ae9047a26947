"""Word documents (and PDF through LibreOffice) for cfbu_toolkit: the documents people sign
and bring to a meeting. The hooks live in :mod:`cfbu_toolkit_docx.plugin`."""

__version__ = "0.1.0"
