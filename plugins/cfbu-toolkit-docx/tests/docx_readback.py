"""Reading a Word document back with python-docx, for the tests."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any


def _blocks(container: Any) -> Iterator[tuple[str, str]]:
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    yield from _blocks(cell)
        else:
            yield (block.style.name if block.style is not None else "", block.text)


class Doc:
    """A Word document read back: its paragraphs (with styles), tables, header, footer."""

    def __init__(self, data: bytes) -> None:
        import docx

        self.document = docx.Document(io.BytesIO(data))
        self.paragraphs = list(_blocks(self.document))
        section = self.document.sections[0]
        self.header = "\n".join(p.text for p in section.header.paragraphs)
        self.footer = "\n".join(p.text for p in section.footer.paragraphs)

    @property
    def texts(self) -> list[str]:
        return [text for _, text in self.paragraphs]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def styled(self, prefix: str) -> list[str]:
        return [text for style, text in self.paragraphs if style.startswith(prefix)]

    @property
    def headings(self) -> list[str]:
        return self.styled("Heading") + self.styled("Title")

    @property
    def pictures(self) -> int:
        return len(self.document.inline_shapes)


def read(data: bytes) -> Doc:
    return Doc(data)
