"""The partner map as a picture: the influence × interest grid as SVG or PNG.

Drawn with matplotlib (the optional extra ``cfbu-toolkit[picture]``), imported only when a
picture is drawn. See :mod:`.draw` for the layout and :mod:`.plugin` for the formats.
"""

from .draw import LABEL_GID, draw_maps, label_texts, render

__all__ = ["LABEL_GID", "draw_maps", "label_texts", "render"]
