"""Build the plugin's built-in Word templates with python-docx, reproducibly.

    python plugins/cfbu-toolkit-docx/tools/make_templates.py

(or with a folder as its argument, into that folder) writes
``src/cfbu_toolkit_docx/templates/document.docx`` (A4 portrait, for every document)
and ``cards.docx`` (A4 with narrow margins, for the value-game cards). Both hold the
placeholders the plugin's README documents: ``{{ plan_name }}`` in the header,
``{{ title }}``, ``{{ page_label }}`` and a page number in the footer, and ``{{p body }}``
where the document goes, plus the paragraph and character styles the plugin uses
("Guidance", "Hint", "Card Category", "Card Value", "Card Text", "Small"). The files are
rewritten with fixed timestamps, so running this twice gives the same bytes.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "cfbu_toolkit_docx" / "templates"
FONT = "Arial"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _paragraph_style(document, name: str, *, size: float, base: str = "Normal") -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.font.size = Pt(size)
    style.quick_style = True
    return style


def _shade(style: ParagraphStyle, fill: str) -> None:
    ppr = style.element.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


def _border_left(style: ParagraphStyle, colour: str) -> None:
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("val", "single"), ("sz", "18"), ("space", "6"), ("color", colour)):
        left.set(qn(f"w:{key}"), value)
    borders.append(left)
    ppr.append(borders)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 12.5), ("Heading 3", 11)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        style.paragraph_format.space_before = Pt(10 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(4)
    guidance = _paragraph_style(document, "Guidance", size=10)
    guidance.font.italic = True
    guidance.font.color.rgb = RGBColor(0x8A, 0x4B, 0x00)
    _shade(guidance, "FFF4DC")
    _border_left(guidance, "E0A030")
    hint = _paragraph_style(document, "Hint", size=9)
    hint.font.italic = True
    hint.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    small = _paragraph_style(document, "Small", size=8.5)
    small.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    category = _paragraph_style(document, "Card Category", size=9)
    category.font.bold = True
    category.font.all_caps = True
    category.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    value = _paragraph_style(document, "Card Value", size=15)
    value.font.bold = True
    value.paragraph_format.space_before = Pt(10)
    value.paragraph_format.space_after = Pt(10)
    text = _paragraph_style(document, "Card Text", size=9)
    text.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _template(margin_cm: float) -> bytes:
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(margin_cm))
    section.header_distance = section.footer_distance = Cm(margin_cm / 2)
    header = section.header.paragraphs[0]
    header.text = "{{ plan_name }}"
    header.style = document.styles["Small"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Small"]
    footer.text = "{{ title }} · {{ page_label }} "
    _page_field(footer)
    document.add_paragraph("{{p body }}")
    core = document.core_properties
    core.author = core.last_modified_by = "cfbu_toolkit"
    core.title = core.subject = core.comments = core.keywords = ""
    core.revision = 1
    import datetime as dt

    core.created = core.modified = dt.datetime(2026, 1, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so the bytes are reproducible."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, FIXED_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, margin in (("document.docx", 2.0), ("cards.docx", 1.2)):
        (out / name).write_bytes(_template(margin))
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
