"""The concept map: a static SVG drawn at build time, no script and no graph library.

One column of concepts, grouped by kind (so it reads top to bottom on a phone), with each
relation drawn as an arc in the right-hand margin (an arc diagram). Pointing at a concept
highlights its arcs and related concepts (CSS :has). Every concept is a link to its page.
The drawing is hidden from assistive technology: the page lists the same concepts and
relations as a structured list right below it, which is also the keyboard route.
"""
from __future__ import annotations

import html

from edition.concepts.model import Concept, Kind

WIDTH = 360
NODE_X, NODE_WIDTH, NODE_HEIGHT, LINE = 4, 214, 26, 17
GAP = 5  # between two concepts' boxes
HEADING = 34  # height of a kind's heading
CHARACTERS = 26  # what fits on one line of a box at the map's 14px type (wider labels wrap)
TOP = 8
ARC_START = NODE_X + NODE_WIDTH + 3
# The drawing's own look, so that it reads without the site's stylesheet (in print, in a
# feed); concepts.css overrides it with the palette's colours (light and dark).
ARC_LOOK = 'fill="none" stroke="#1a1a1a" stroke-opacity="0.28" stroke-width="1"'
BOX_LOOK = 'fill="#ffffff" stroke="#6b6b6b" stroke-width="1"'
TEXT_LOOK = 'font-size="14" fill="#1a1a1a"'
HEADING_LOOK = 'font-size="13" font-weight="700" fill="#1a1a1a"'
MARK = "#6b6b6b"
ARC_ROOM = WIDTH - ARC_START - 4  # the arcs' widest reach


def label_lines(label: str) -> list[str]:
    """A label on one line, or on two split at the space nearest the middle."""
    if len(label) <= CHARACTERS or " " not in label:
        return [label]
    spaces = [i for i, c in enumerate(label) if c == " "]
    split = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return [label[:split], label[split + 1:]]


def box_height(lines: int) -> int:
    return NODE_HEIGHT + (lines - 1) * LINE


def layout(concepts: dict[str, Concept], kinds: dict[str, Kind], lang: str):
    """The y of each kind's heading, the y and label lines of each concept's box, and the
    drawing's height."""
    y = TOP
    headings, rows = [], {}
    for kind in kinds.values():
        members = [c for c in concepts.values() if c.kind == kind.id]
        if not members:
            continue
        headings.append((kind, y))
        y += HEADING
        for concept in members:
            lines = label_lines(concept.title(lang))
            rows[concept.id] = (y, lines)
            y += box_height(len(lines)) + GAP
        y += 6
    return headings, rows, y + TOP


def relations(concepts: dict[str, Concept]) -> list[tuple[str, str]]:
    """Each pair of related concepts once (a relation named on either side counts)."""
    pairs = {tuple(sorted((c.id, r))) for c in concepts.values() for r in c.related}
    order = list(concepts)
    return sorted(pairs, key=lambda pair: (order.index(pair[0]), order.index(pair[1])))


def _arc(row1: tuple, row2: tuple) -> str:
    top, bottom = sorted(y + box_height(len(lines)) / 2 for y, lines in (row1, row2))
    # A cubic curve reaches 3/4 of its control distance: longer relations bulge further out.
    reach = min(ARC_ROOM / 0.75, 14 + (bottom - top) * 0.3)
    x = ARC_START
    return f"M{x} {top:.0f}C{x + reach:.0f} {top:.0f} {x + reach:.0f} {bottom:.0f} {x} {bottom:.0f}"


def _highlight_rules(concepts: dict[str, Concept]) -> str:
    """Pointing at a concept (or at its arc) highlights its arcs and its related concepts."""
    rules = []
    for cid in concepts:
        on = f'.concept-map:has([data-node="{cid}"]:hover)'
        rules.append(f"{on} .arc.r-{cid}{{stroke:var(--concept-map-highlight);stroke-opacity:1;stroke-width:2}}"
                     f"{on} .nb-{cid} rect{{stroke:var(--concept-map-highlight);stroke-width:2}}")
    return "".join(rules)


def concept_map_svg(concepts: dict[str, Concept], kinds: dict[str, Kind], lang: str,
                    href_of, title: str) -> str:
    """The map as an inline SVG; href_of(concept_id) gives each node's link."""
    headings, rows, height = layout(concepts, kinds, lang)
    pairs = relations(concepts)
    neighbours: dict[str, set[str]] = {cid: set() for cid in concepts}
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    parts = [f'<svg class="concept-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
             f'width="{WIDTH}" height="{height:.0f}" aria-hidden="true" '
             f'data-title="{html.escape(title)}">',
             f"<style>{_highlight_rules(concepts)}</style>",
             '<g class="arcs">']
    for a, b in pairs:
        parts.append(f'<path class="arc r-{a} r-{b}" d="{_arc(rows[a], rows[b])}" {ARC_LOOK}/>')
    parts.append("</g>")
    for kind, y in headings:
        parts.append(f'<g class="kind kind-{kind.id}"><rect class="kind-mark" x="{NODE_X}" y="{y + 9:.0f}" '
                     f'width="6" height="16" rx="2" fill="{MARK}"/>'
                     f'<text class="kind-heading" x="{NODE_X + 12}" y="{y + 23:.0f}" {HEADING_LOOK}>'
                     f'{html.escape(kind.heading[lang])}</text></g>')
    for cid, (y, lines) in rows.items():
        concept = concepts[cid]
        classes = " ".join(["node", f"kind-{concept.kind}"] + [f"nb-{n}" for n in sorted(neighbours[cid])])
        tall = box_height(len(lines))
        text = "".join(f'<tspan x="{NODE_X + 12}" y="{y + 17.5 + i * LINE:.1f}">{html.escape(line)}</tspan>'
                       for i, line in enumerate(lines))
        parts.append(
            f'<a class="{classes}" href="{html.escape(href_of(cid))}" data-node="{cid}" tabindex="-1">'
            f'<rect x="{NODE_X}" y="{y:.0f}" width="{NODE_WIDTH}" height="{tall}" rx="4" {BOX_LOOK}/>'
            f'<rect class="kind-mark" x="{NODE_X}" y="{y:.0f}" width="5" height="{tall}" rx="2" fill="{MARK}"/>'
            f'<text {TEXT_LOOK}>{text}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def map_figure(svg: str, caption: str) -> str:
    return (f'<figure class="concept-map-figure"><div class="concept-map-frame">{svg}</div>'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")
