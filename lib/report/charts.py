"""Charts as accessible SVG, drawn by pygal (pure Python, SVG native, no JavaScript needed).

pygal rather than matplotlib: its output is SVG with real text (searchable, selectable in
the PDF), it needs neither numpy nor a rendering backend, and it loads in a few
milliseconds. Its tooltips' script is turned off; each chart gets a ``<title>`` and a
``<desc>`` and is followed in the document by the table of its data.
"""

from __future__ import annotations

import html
import re

import pygal
from pygal.style import Style

from .figures import Table

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#222",
    foreground_strong="#111",
    foreground_subtle="#666",
    font_family="DejaVu Sans, Liberation Sans, Arial, sans-serif",
    colors=("#1b5e8c", "#8a8a8a", "#b3261e", "#2e7d32", "#6a1b9a"),
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=13,
    title_font_size=16,
)
_ROOT = re.compile(r"<svg\b[^>]*>")
_ID = re.compile(r'id="(chart-[0-9a-f-]+)"')


def render(table: Table, number: int) -> str:
    """The SVG of ``table``'s chart, to be inlined in the report."""
    chart = table.chart
    options = dict(
        js=[],
        style=STYLE,
        disable_xml_declaration=True,
        width=760,
        height=340 if chart.kind != "hbar" else 80 + 44 * max(1, len(table.rows)),
        show_legend=len(table.columns) > 2,  # one series: its name is the title
        legend_at_bottom=True,
        print_values=False,
        truncate_label=60,
        margin=16,
        no_data_text="Aucune donnée",
        min_scale=1,
        value_formatter=lambda v: f"{v:g}".replace(".", ","),
    )
    series = chart.columns or tuple(range(1, len(table.columns)))
    # Counts: whole-number ticks only.
    if chart.kind == "stacked":
        top = max([sum(row[i] for i in series) for row in table.rows] or [0])
    else:
        top = max([max(row[i] for i in series) for row in table.rows] or [0])
    step = max(1, -(-int(top) // 5))
    options["y_labels"] = list(range(0, int(top) + step + 1, step))
    if chart.kind == "hbar":
        options.update(show_legend=True, truncate_legend=70, legend_at_bottom_columns=1)
        drawing = pygal.HorizontalBar(**options)
        for row in table.rows:
            drawing.add(str(row[0]), [row[1]])
    else:
        kind = pygal.StackedBar if chart.kind == "stacked" else pygal.Bar
        drawing = kind(**options, x_label_rotation=0 if len(table.rows) < 7 else 30)
        drawing.x_labels = [str(row[0]) for row in table.rows]
        for index in series:
            drawing.add(table.columns[index], [row[index] for row in table.rows])
    svg = drawing.render(is_unicode=True)
    # Stable, readable ids (pygal draws a random one at each run).
    svg = _ID.sub(f'id="graphique-{number}"', svg)
    # pygal numbers its legends the same way in every chart: make them unique in the page.
    svg = svg.replace("activate-serie-", f"graphique-{number}-serie-")
    svg = re.sub(r"#chart-[0-9a-f-]+", f"#graphique-{number}", svg)
    title_id, desc_id = f"graphique-{number}-titre", f"graphique-{number}-description"
    root = _ROOT.search(svg).group(0)
    opened = root[:-1] + f' role="img" aria-labelledby="{title_id} {desc_id}">'
    svg = svg.replace(
        root,
        f'{opened}<title id="{title_id}">{html.escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{html.escape(chart.description)} Les valeurs sont dans le tableau '
        "qui suit.</desc>",
        1,
    )
    # pygal writes its configuration in a script even without tooltips: not needed here.
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)
    return re.sub(r"<!--.*?-->", "", svg, flags=re.S)
