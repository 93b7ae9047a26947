"""Drawing the influence × interest grid.

The layout is deterministic, never random: each quadrant is a cell of the grid, and the
organisations in it are listed one under the other, in mapping order after the finer
three-level rank (high before medium), each name wrapped to the cell's width. The cells are
made tall enough for the longest list, so no two labels can overlap however many
organisations share a quadrant; a quadrant's list goes into two columns when it is long.
Medium counts as high (see :mod:`cfbu_toolkit.analysis.mapping`); entries without both
levels are listed under the grid as not placed.

Names are shown as they come: the object the exporter gets has already been through the
privacy profile. Line breaks and control characters in a name become spaces, and ``$`` is
never read as mathematics. Figures are made with :class:`matplotlib.figure.Figure` (no
pyplot, no global state) on the Agg canvas; SVG text stays text (searchable), with a fixed
hash salt and no date, and PNG carries no software version, so the same input gives the
same bytes on the same matplotlib.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ...analysis.mapping import Quadrant, quadrant, unplaced
from ...errors import CfbuError
from ...io.kinds import Exportable
from ...locale import N_, _, use_lang
from ...model import Mapping, MappingEntry, Plan
from ...plugins.types import ExportContext

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["LABEL_GID", "draw_maps", "label_texts", "render"]

LABEL_GID = "cfbu-label"
"""The ``gid`` prefix of every organisation label (``cfbu-label:<entry id>``)."""


_COLOURS = {
    Quadrant.KEEP_CLOSE: "#dcebdc",
    Quadrant.KEEP_SATISFIED: "#f6ead2",
    Quadrant.KEEP_INFORMED: "#dde7f3",
    Quadrant.MONITOR: "#eeeeee",
}

# Sizes in inches and points; the axes' data units are inches, so text lands where computed.
_CELL_W = 4.2
_FONT = 9.0
_TITLE_FONT = 10.5
_PAD = 0.12
_HEAD = 0.42
_MIN_CELL_H = 1.3
_LEFT, _RIGHT, _TOP, _BOTTOM = 0.75, 0.2, 0.55, 0.55
_SPACING = 1.2
_GAP = 0.05
_TWO_COLUMNS_FROM = 14
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise CfbuError(
            N_(
                "drawing the partner map needs matplotlib; install it with "
                "pip install 'cfbu-toolkit[picture]'"
            )
        ) from None
    return matplotlib


def _clean(name: str) -> str:
    return " ".join(_CONTROL.sub(" ", name).split())


@attrs.frozen
class _Label:
    entry_id: str
    text: str
    height: float
    """In inches, as measured."""


class _Measure:
    """Measures text as it will be drawn, so wrapping and stacking use real sizes."""

    def __init__(self, fig: Figure) -> None:
        from matplotlib.font_manager import FontProperties

        self.fig = fig
        self.renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        self.font = FontProperties(size=_FONT)

    def width(self, line: str) -> float:
        w, _h, _d = self.renderer.get_text_width_height_descent(line, self.font, ismath=False)
        return float(w) / self.fig.dpi

    def height(self, text: str) -> float:
        probe = self.fig.text(
            0, 0, text, fontsize=_FONT, linespacing=_SPACING, parse_math=False, va="top"
        )
        box = probe.get_window_extent(self.renderer)
        probe.remove()
        return float(box.height) / self.fig.dpi

    def wrap(self, text: str, width: float) -> str:
        """``text`` broken into lines no wider than ``width`` inches (words kept whole
        where they fit, a word too long for a line broken between characters)."""
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            candidate = f"{current} {word}" if current else word
            if self.width(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            for char in word:
                if current and self.width(current + char) > width:
                    lines.append(current)
                    current = ""
                current += char
        lines.append(current)
        return "\n".join(lines)


def _names(plan: Plan | None) -> dict[str, str]:
    return {} if plan is None else {org.id: org.name for org in plan.organisations}


def _order(entry: MappingEntry) -> tuple[int, int]:
    # High before medium inside a quadrant; the mapping's order otherwise (sort is stable).
    influence = entry.influence.rank if entry.influence is not None else 0
    interest = entry.interest.rank if entry.interest is not None else 0
    return (-influence, -interest)


@attrs.frozen
class _Grid:
    title: str
    cells: dict[Quadrant, tuple[tuple[_Label, ...], ...]]
    """Per quadrant, its columns of labels."""
    footer: str
    footer_h: float
    cell_h: float

    @property
    def height(self) -> float:
        return _TOP + 2 * self.cell_h + _BOTTOM + self.footer_h


def _columns(labels: list[_Label]) -> tuple[tuple[_Label, ...], ...]:
    if len(labels) < _TWO_COLUMNS_FROM:
        return (tuple(labels),)
    half = (len(labels) + 1) // 2
    return (tuple(labels[:half]), tuple(labels[half:]))


def _column_height(column: tuple[_Label, ...]) -> float:
    return sum(label.height + _GAP for label in column)


def _footer(measure: _Measure, lines: list[str]) -> tuple[str, float]:
    if not lines:
        return "", 0.0
    text = "\n".join(measure.wrap(line, 2 * _CELL_W) for line in lines)
    return text, measure.height(text) + 0.15


def _grid(measure: _Measure, mapping: Mapping, plan: Plan | None) -> _Grid:
    names = _names(plan)
    by_quadrant: dict[Quadrant, list[MappingEntry]] = {q: [] for q in Quadrant}
    for entry in mapping.entries:
        q = quadrant(entry)
        if q is not None:
            by_quadrant[q].append(entry)
    cells: dict[Quadrant, tuple[tuple[_Label, ...], ...]] = {}
    tallest = 0.0
    for q, entries in by_quadrant.items():
        entries.sort(key=_order)
        count = 1 if len(entries) < _TWO_COLUMNS_FROM else 2
        width = _CELL_W / count - 2 * _PAD
        labels = []
        for entry in entries:
            text = measure.wrap(
                _clean(names.get(entry.organisation_id, entry.organisation_id)), width
            )
            labels.append(_Label(entry.id, text, measure.height(text)))
        cells[q] = _columns(labels)
        tallest = max([tallest, *(_column_height(c) for c in cells[q])])
    cell_h = max(_MIN_CELL_H, _HEAD + tallest + _PAD)
    lines = []
    missing = unplaced(mapping)
    if missing:
        lines.append(_("Not placed (interest or influence not assessed):"))
        lines.extend(
            "  " + _clean(names.get(e.organisation_id, e.organisation_id)) for e in missing
        )
    if plan is None and mapping.entries:
        lines.append(_("Names are missing: export the mapping with its plan (plan=...)."))
    footer, footer_h = _footer(measure, lines)
    return _Grid(_clean(mapping.title), cells, footer, footer_h, cell_h)


def _empty_grid(measure: _Measure, title: str) -> _Grid:
    cells: dict[Quadrant, tuple[tuple[_Label, ...], ...]] = dict.fromkeys(Quadrant, ((),))
    footer, footer_h = _footer(measure, [_("The plan has no mapping yet.")])
    return _Grid(title, cells, footer, footer_h, _MIN_CELL_H)


_PLACES = {
    Quadrant.KEEP_SATISFIED: (0, 1),
    Quadrant.KEEP_CLOSE: (1, 1),
    Quadrant.MONITOR: (0, 0),
    Quadrant.KEEP_INFORMED: (1, 0),
}
"""(column, row) of each quadrant: interest grows to the right, influence upwards."""


def _text(ax: Any, x: float, y: float, text: str, **kwargs: Any) -> Text:
    result: Text = ax.text(x, y, text, parse_math=False, usetex=False, **kwargs)
    return result


def _draw_grid(fig: Figure, grid: _Grid, bottom: float, total_h: float) -> None:
    width = _LEFT + 2 * _CELL_W + _RIGHT
    axes_bottom = bottom + _BOTTOM + grid.footer_h
    ax = fig.add_axes(
        (_LEFT / width, axes_bottom / total_h, 2 * _CELL_W / width, 2 * grid.cell_h / total_h)
    )
    ax.set_xlim(0, 2 * _CELL_W)
    ax.set_ylim(0, 2 * grid.cell_h)
    ax.set_xticks([_CELL_W / 2, _CELL_W * 1.5], [_("Low"), _("High")])
    ax.set_yticks([grid.cell_h / 2, grid.cell_h * 1.5], [_("Low"), _("High")], rotation=90)
    ax.tick_params(length=0, labelsize=_FONT)
    for tick in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        tick.set_verticalalignment("center")
    ax.set_xlabel(_("Interest") + " →", fontsize=_FONT + 1)
    ax.set_ylabel(_("Influence") + " →", fontsize=_FONT + 1)
    ax.set_title(grid.title, fontsize=_TITLE_FONT + 1, fontweight="bold", loc="left")
    ax.title.set_parse_math(False)
    for spine in ax.spines.values():
        spine.set_color("#888888")
    from matplotlib.patches import Rectangle

    for q, (col, row) in _PLACES.items():
        x0, y0 = col * _CELL_W, row * grid.cell_h
        ax.add_patch(
            Rectangle((x0, y0), _CELL_W, grid.cell_h, facecolor=_COLOURS[q], edgecolor="white")
        )
        top = y0 + grid.cell_h - _PAD
        _text(
            ax,
            x0 + _PAD,
            top,
            q.label(None),
            fontsize=_TITLE_FONT,
            fontweight="bold",
            va="top",
            gid=f"cfbu-quadrant:{q.value}",
        )
        columns = grid.cells[q]
        column_w = _CELL_W / len(columns)
        for index, column in enumerate(columns):
            y = top - _HEAD
            for label in column:
                _text(
                    ax,
                    x0 + _PAD + index * column_w,
                    y,
                    label.text,
                    fontsize=_FONT,
                    va="top",
                    linespacing=_SPACING,
                    gid=f"{LABEL_GID}:{label.entry_id}",
                )
                y -= label.height + _GAP
    if grid.footer:
        fig.text(
            _LEFT / width,
            (bottom + 0.1) / total_h,
            grid.footer,
            fontsize=_FONT,
            va="bottom",
            parse_math=False,
            linespacing=_SPACING,
        )


def _grids(measure: _Measure, obj: Exportable, plan: Plan | None) -> list[_Grid]:
    if isinstance(obj, Plan):
        if not obj.mappings:
            return [_empty_grid(measure, _clean(obj.name))]
        return [_grid(measure, mapping, obj) for mapping in obj.mappings]
    if isinstance(obj, Mapping):
        return [_grid(measure, obj, plan)]
    raise CfbuError(N_("the partner map is drawn from a plan or a mapping"))


_RC = {"svg.hashsalt": "cfbu-toolkit", "svg.fonttype": "none", "font.family": "DejaVu Sans"}


def draw_maps(obj: Exportable, plan: Plan | None = None) -> Figure:
    """The figure of the partner maps of ``obj`` (a plan: all its mappings, stacked).

    Words are in the current language (wrap the call in :func:`use_lang`).
    """
    matplotlib = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width = _LEFT + 2 * _CELL_W + _RIGHT
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, 4.0), dpi=100)
        FigureCanvasAgg(fig)
        grids = _grids(_Measure(fig), obj, plan)
        total = sum(grid.height for grid in grids)
        fig.set_size_inches(width, total)
        bottom = total
        for grid in grids:
            bottom -= grid.height
            _draw_grid(fig, grid, bottom, total)
    return fig


def label_texts(fig: Figure) -> list[Text]:
    """The organisation labels of a drawn figure (their ``gid`` starts with LABEL_GID)."""
    return [
        text
        for ax in fig.axes
        for text in ax.texts
        if (text.get_gid() or "").startswith(LABEL_GID + ":")
    ]


Picture = Literal["svg", "png"]


def render(obj: Exportable, kind: Picture, context: ExportContext | None = None) -> bytes:
    """The partner map of ``obj`` as SVG or PNG bytes."""
    context = context or ExportContext()
    matplotlib = _matplotlib()
    with use_lang(context.lang), matplotlib.rc_context(_RC), warnings.catch_warnings():
        # Glyphs DejaVu Sans lacks (emoji) are drawn as boxes; the text stays in the SVG.
        warnings.filterwarnings("ignore", message="Glyph .* missing")
        fig = draw_maps(obj, context.plan)
        buffer = io.BytesIO()
        if kind == "svg":
            metadata: dict[str, Any] = {"Date": None, "Creator": "cfbu_toolkit"}
        else:
            metadata = {"Software": "cfbu_toolkit"}
        fig.savefig(buffer, format=kind, metadata=metadata, dpi=150 if kind == "png" else 72)
    return buffer.getvalue()
