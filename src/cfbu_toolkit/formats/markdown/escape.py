r"""Escaping: user text goes into a Markdown document as text, never as structure.

Every piece of user text passes through one of these functions; what the exporter writes
itself is wrapped in :class:`Md` and passes unchanged. The rules:

- ``\`` `` ` `` ``*`` ``_`` ``[`` ``]`` ``{`` ``}`` ``|`` ``~`` ``#`` ``$`` ``^`` are
  backslash-escaped everywhere (emphasis, code, links, table cells, headings' closing ``#``,
  strike-through, maths, Pandoc's attributes and superscripts); ``@`` where it could start
  a Pandoc citation;
- ``<`` and ``>`` become ``&lt;`` and ``&gt;``, so no HTML or autolink comes from user
  text; ``&`` becomes ``&amp;`` only where it would start an entity (``&amp;``, ``&#92;``),
  so "Ærø & Co" stays readable in the Markdown file itself;
- each line is stripped of leading and trailing white space (no indented code, no hard
  breaks); where the text begins a paragraph or a list item, a leading ``-``, ``+``,
  ``=``, ``:`` or digits followed by ``.`` or ``)`` are escaped (no list, setext heading,
  definition list);
- line breaks (every one :meth:`str.splitlines` knows) become ``<br>``, so the text stays
  on one physical line; in a table cell a backslash becomes ``&#92;``, so a ``\|`` pair can
  never leave a bare ``|`` behind;
- control characters are dropped (a tab becomes a space), lone surrogates become U+FFFD.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["Md", "block", "cell", "heading", "inline", "mermaid_text"]


class Md(str):
    """Markdown the exporter wrote itself: it passes through the escaping unchanged."""

    __slots__ = ()


_ALWAYS = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "{": "\\{",
    "}": "\\}",
    "|": "\\|",
    "~": "\\~",
    "#": "\\#",
    "$": "\\$",
    "^": "\\^",
    "<": "&lt;",
    ">": "&gt;",
}
_TABLE = str.maketrans(_ALWAYS)
_CELL_TABLE = str.maketrans({**_ALWAYS, "\\": "&#92;"})
_CITATION = re.compile(r"(^|(?<=\s))@")
#: An ``&`` that a Markdown reader would take for the start of an entity reference.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(?:[-+=:]|\d+(?=[.)]))")


def _clean(text: str) -> str:
    """Drop control characters (a tab is a space) and replace lone surrogates."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif ch in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029":
            out.append(ch)  # line breaks: splitlines handles them
        elif unicodedata.category(ch) == "Cc":
            continue
        elif unicodedata.category(ch) == "Cs":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def _line(line: str, table: dict[int, str]) -> str:
    line = _ENTITY.sub("&amp;", line.strip()).translate(table)
    return _CITATION.sub("\\\\@", line)


def _start(line: str) -> str:
    """Escape what would make a line's start a list item, a setext underline or a
    definition (``#``, ``>``, ``*``, ``<`` are escaped everywhere already)."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    # digits followed by . or ): escape the punctuation ("2025\\. ..."); else the mark
    end = match.end() if line[0].isdigit() else 0
    return f"{line[:end]}\\{line[end:]}"


def _lines(text: str) -> list[str]:
    """The text's lines, without blank lines at either end (a ``<br>`` must never begin
    a block: alone on a line it would be read as an HTML block)."""
    lines = [line.strip() for line in _clean(text).splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    return lines[start:]


def inline(text: str, *, start: bool = True) -> Md:
    """User text on one physical line; line breaks become ``<br>``.

    ``start``: the text may begin a block (a paragraph, a list item), so its first
    character is escaped where it would start a list or the like. Pass ``start=False``
    for text in the middle of a line.
    """
    if isinstance(text, Md):
        return text
    escaped = "<br>".join(_line(line, _TABLE) for line in _lines(text))
    return Md(_start(escaped) if start else escaped)


def cell(text: str) -> Md:
    """User text for a table cell: never adds a column or a row (a cell holds inline text
    only, so nothing at its start needs escaping)."""
    if isinstance(text, Md):
        return text
    return Md("<br>".join(_line(line, _CELL_TABLE) for line in _lines(text)))


def heading(text: str) -> Md:
    """User text in a heading (inline text only): line breaks become spaces."""
    if isinstance(text, Md):
        return text
    parts = [_line(line, _TABLE) for line in _lines(text)]
    return Md(" ".join(p for p in parts if p))


def block(text: str) -> list[Md]:
    """User text as paragraphs: a blank line starts a new one; each is one physical line."""
    if isinstance(text, Md):
        return [text]
    paragraphs: list[list[str]] = [[]]
    for line in _lines(text):
        if line.strip():
            paragraphs[-1].append(_line(line, _TABLE))
        elif paragraphs[-1]:
            paragraphs.append([])
    return [Md(_start("<br>".join(p))) for p in paragraphs if p]


_MERMAID_PUNCTUATION = frozenset(" -_.,/()'+")


def mermaid_text(text: str, *, limit: int = 48) -> str:
    """Text safe inside a double-quoted string of a Mermaid ``quadrantChart``.

    Mermaid's quoted string ends at ``"``; ``%%`` starts a comment or a directive anywhere
    in the diagram, ``#...;`` is read as an entity, a backtick after the opening quote
    switches to Markdown text, and HTML is sanitised away. So only letters, marks, digits,
    spaces and ``-_.,/()'+`` are kept; anything else becomes a space, runs of spaces
    shrink to one, and a longer text is cut (at a space where one is near) to ``limit``
    characters ending in ``…``.
    """
    out = []
    for ch in _clean(text):
        category = unicodedata.category(ch)
        if category[0] in "LMN" or ch in _MERMAID_PUNCTUATION:
            out.append(ch)
        else:
            out.append(" ")
    result = " ".join("".join(out).split())
    if len(result) > limit:
        cut = result[: limit - 1]
        space = cut.rfind(" ")
        if space > limit // 2:
            cut = cut[:space]
        result = cut.rstrip() + "…"
    return result
