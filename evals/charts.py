"""Small inline SVG charts for report.html: no scripts, no network, readable when printed."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

GOOD, BAD, BAR, INK, GRID = "#2e7d32", "#c62828", "#3558a5", "#222", "#ddd"


def _fit(width: int, height: int) -> str:
    """Drawn at `width` x `height`, shrunk to its card when the card is narrower (never cut off)."""
    return (
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width: {width}px" '
        'preserveAspectRatio="xMinYMin meet"'
    )


def success_bars(rows: Sequence[tuple[str, float, str]], *, width: int = 560) -> Markup:
    """Horizontal bars of success rates (0–1): one row per (label, rate, note such as "7/9")."""
    row_h, label_w, note_w = 24, 120, 90
    bar_w = width - label_w - note_w
    height = row_h * len(rows) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {_fit(width, height)} role="img" '
        f'aria-label="success rate by category" font-family="sans-serif" font-size="12">'
    ]
    for i, (label, rate, note) in enumerate(rows):
        y = 4 + i * row_h
        color = GOOD if rate >= 0.8 else BAR if rate >= 0.5 else BAD
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" fill="{INK}">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" fill="{GRID}"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{round(bar_w * rate, 1)}" height="{row_h - 8}" '
            f'fill="{color}"><title>{escape(label)}: {rate:.0%}</title></rect>'
            f'<text x="{label_w + bar_w + 6}" y="{y + 15}" fill="{INK}">{rate:.0%} ({escape(note)})</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 — every text in it went through escape()


def columns(
    bins: Sequence[tuple[str, int]], *, label: str, x_title: str, width: int = 560, height: int = 200
) -> Markup:
    """Vertical bars of counts (a histogram or a distribution), labelled under each bar."""
    if not bins:
        return Markup('<p class="muted">no data</p>')
    top, left, bottom = 16, 34, 44
    plot_h, plot_w = height - top - bottom, width - left - 8
    peak = max(count for _, count in bins) or 1
    step = plot_w / len(bins)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {_fit(width, height)} role="img" '
        f'aria-label="{escape(label)}" font-family="sans-serif" font-size="11">',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="{INK}"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" fill="{INK}">{peak}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" fill="{INK}">0</text>',
    ]
    for i, (name, count) in enumerate(bins):
        bar_h = plot_h * count / peak
        x = left + i * step
        parts.append(
            f'<rect x="{round(x + 2, 1)}" y="{round(top + plot_h - bar_h, 1)}" width="{round(step - 4, 1)}" '
            f'height="{round(bar_h, 1)}" fill="{BAR}"><title>{escape(name)}: {count}</title></rect>'
        )
        if len(bins) <= 16 or i % 2 == 0:
            parts.append(
                f'<text x="{round(x + step / 2, 1)}" y="{top + plot_h + 14}" text-anchor="middle" '
                f'fill="{INK}">{escape(name)}</text>'
            )
    parts.append(
        f'<text x="{left + plot_w / 2}" y="{height - 6}" text-anchor="middle" fill="{INK}">'
        f"{escape(x_title)}</text></svg>"
    )
    return Markup("".join(parts))  # noqa: S704 — every text in it went through escape()
