"""The concept map: the concepts grouped by kind, as HTML links, in columns that fit a screen.

Every concept is an ordinary link to its page, so the map works with a keyboard, a screen
reader and without script. Each link lists its related concepts (data-related); pointing at a
concept, giving it focus or tapping it once marks those on the map and shows its definition
(concepts.js). The page lists the same concepts with their relations in words below the map.

An earlier map was one SVG column with arcs: 2,880 px tall and out of reach of the keyboard.
"""
from __future__ import annotations

import html

from edition.concepts.model import Concept, Kind


def relations(concepts: dict[str, Concept]) -> dict[str, list[str]]:
    """Each concept's related concepts, a relation named on either side counting for both,
    in the map's order."""
    related: dict[str, set[str]] = {cid: set() for cid in concepts}
    for concept in concepts.values():
        for other in concept.related:
            related[concept.id].add(other)
            related[other].add(concept.id)
    order = list(concepts)
    return {cid: sorted(others, key=order.index) for cid, others in related.items()}


def concept_map_html(concepts: dict[str, Concept], kinds: dict[str, Kind], lang: str, href_of) -> str:
    """The map; href_of(concept_id) gives each concept's link."""
    related = relations(concepts)
    groups = []
    for kind in kinds.values():
        members = [c for c in concepts.values() if c.kind == kind.id]
        if not members:
            continue
        label = f"kaart-{kind.id}"
        items = "".join(
            f'<li><a class="concept-map__node" href="{html.escape(href_of(c.id))}" data-node="{c.id}" '
            f'data-related="{" ".join(related[c.id])}">{html.escape(c.title(lang))}</a></li>' for c in members)
        groups.append(f'<div class="concept-map__kind kind-{kind.id}">'
                      f'<p class="concept-map__heading" id="{label}">{html.escape(kind.heading[lang])}</p>'
                      f'<ul aria-labelledby="{label}">{items}</ul></div>')
    return f'<div class="concept-map">{"".join(groups)}</div>'


def map_figure(body: str, caption: str) -> str:
    return f'<figure class="concept-map-figure">{body}<figcaption>{html.escape(caption)}</figcaption></figure>'
