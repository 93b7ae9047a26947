"""A small Markdown writer: headings, paragraphs, lists and tables, with escaping built in.

Text handed to it is escaped unless it is :class:`~.escape.Md` (Markdown the exporter made
itself). Headings are placed relative to a base level, so a part renders the same alone
(its title a level-1 heading) and inside a plan (one level lower or more).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .escape import Md, block, cell, heading, inline

__all__ = ["Doc", "bold"]


def bold(text: str) -> Md:
    """User or fixed text in bold (escaped first)."""
    escaped = inline(text, start=False)
    return Md(f"**{escaped}**") if escaped else escaped


class Doc:
    """Lines of a Markdown document, each block followed by one blank line."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def _block(self, *lines: str) -> None:
        self.lines.extend(lines)
        self.lines.append("")

    def anchor(self, anchor_id: str) -> None:
        """An HTML anchor for the table of contents (ids are the model's, already safe)."""
        self.lines.append(f'<a id="{anchor_id}"></a>')
        self.lines.append("")

    def heading(self, level: int, text: str) -> None:
        """A heading (levels past 6 stay at 6: Markdown has no deeper one)."""
        self._block(f"{'#' * max(1, min(level, 6))} {heading(text)}")

    def para(self, text: str) -> None:
        """One paragraph of text on one line (user text: line breaks become ``<br>``)."""
        escaped = inline(text)
        if escaped:
            self._block(escaped)

    def paragraphs(self, text: str) -> None:
        """User text that may hold several paragraphs (separated by blank lines)."""
        for paragraph in block(text):
            self._block(paragraph)

    def bullets(self, items: Iterable[str]) -> None:
        """A bulleted list, nothing when ``items`` is empty."""
        lines = [f"- {inline(item)}" for item in items]
        if lines:
            self._block(*lines)

    def numbered(self, items: Iterable[str]) -> None:
        """A numbered list, nothing when ``items`` is empty."""
        lines = [f"{n}. {inline(item)}" for n, item in enumerate(items, 1)]
        if lines:
            self._block(*lines)

    def links(self, items: Iterable[tuple[int, str, str]]) -> None:
        """A nested list of links ``(depth, text, anchor id)`` for a table of contents."""
        lines = [
            f"{'  ' * depth}- [{inline(text, start=False)}](#{anchor})"
            for depth, text, anchor in items
        ]
        if lines:
            self._block(*lines)

    def fields(self, pairs: Iterable[tuple[str, str]]) -> None:
        """``- **Key:** value`` lines (the keys are the exporter's words)."""
        lines = [f"- {bold(key + ':')} {inline(value, start=False)}" for key, value in pairs]
        if lines:
            self._block(*lines)

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
        """A GFM table; every row has exactly as many cells as ``headers``."""
        width = len(headers)
        lines = [_row(headers), "| " + " | ".join("---" for _ in headers) + " |"]
        for row in rows:
            if len(row) != width:
                raise ValueError(f"table row has {len(row)} cells, expected {width}")
            lines.append(_row(row))
        self._block(*lines)

    def fence(self, info: str, body: Iterable[str]) -> None:
        """A fenced code block; ``body`` lines must be the exporter's own (not escaped)."""
        self._block(f"```{info}", *body, "```")

    def markdown(self, text: str) -> None:
        """Blocks of Markdown written by the workflows' views (:mod:`cfbu_toolkit.workflows.
        render`), which escape their user text with :mod:`.escape` themselves."""
        lines = text.strip("\n").split("\n")
        if any(lines):
            self._block(*lines)

    def extend(self, other: Doc) -> None:
        """Append another document's lines (a part written on its own)."""
        self.lines.extend(other.lines)

    def render(self) -> bytes:
        """The document as UTF-8 bytes, ending in exactly one newline."""
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return ("\n".join(self.lines) + "\n").encode("utf-8")


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"
