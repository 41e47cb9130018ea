"""A deck as one page: every slide a <section id="s3">, shown one at a time by CSS :target
(projector.css), with links to the slide before and after, so that it works without JavaScript;
projector.js adds the keys of a keyboard and a presentation clicker. The page's own template,
not Material's: a slide is the whole screen."""
from __future__ import annotations

import html
import re

from edition.projector.decks import Deck, Slide, slide_id
from edition.site import relative_url

STYLESHEET = "assets/stylesheets/projector.css"
SCRIPT = "assets/javascripts/projector.js"
ICON = "assets/images/favicon.svg"
SCHEME = re.compile(r"^https?://")


def shown_address(url: str) -> str:
    """As a room reads it: durftedromen.delft.nl/nl/4.7"""
    return SCHEME.sub("", url)


def _slide(deck: Deck, number: int, slide: Slide, strings: dict[str, str]) -> str:
    e = html.escape
    total = len(deck.slides)
    sid = slide_id(number)
    previous = (f'<a class="slide-previous" rel="prev" href="#{slide_id(number - 1)}">'
                f'<span aria-hidden="true">← </span>{e(strings["projector_previous"])}</a>') if number > 1 else ""
    following = (f'<a class="slide-next" rel="next" href="#{slide_id(number + 1)}">'
                 f'{e(strings["projector_next"])}<span aria-hidden="true"> →</span></a>') if number < total else ""
    count = e(strings["projector_slide"].format(n=number, total=total))
    note = f'<p class="slide-note">{e(slide.note)}</p>' if slide.note else ""
    keys = f'<p class="slide-keys">{e(strings["projector_keys"])}</p>' if number == 1 else ""
    path, _, fragment = slide.source.partition("#")
    back = relative_url(path, deck.url) + (f"#{fragment}" if fragment else "")
    kicker = f'<p class="slide-kicker">{e(slide.kicker)}</p>\n' if slide.kicker else ""
    return f"""<section class="slide slide-{slide.kind} size-{slide.size}" id="{sid}" aria-labelledby="{sid}-h">
<div class="slide-body">
{kicker}<h2 id="{sid}-h">{slide.heading}</h2>
<div class="slide-text">{slide.body}</div>
{note}{keys}</div>
<div class="slide-foot">
<nav class="slide-nav" aria-label="{count}">{previous} <span class="slide-count">{count}</span> {following}
<a class="slide-back" href="{e(back)}">{e(strings["projector_back"])}</a></nav>
<p class="slide-address">{e(shown_address(slide.address))}</p>
</div>
</section>"""


def deck_page(deck: Deck, lang: str, strings: dict[str, str], others: dict[str, str]) -> str:
    """The deck's page; `others`: the other languages' names by code, whose decks have the same
    slides at the same numbers (projector.js keeps the slide when the reader switches)."""
    e = html.escape
    root = relative_url("", deck.url)
    switch = "".join(f'<a class="deck-language" href="{root}../{other}/{deck.url}" hreflang="{other}" lang="{other}" '
                     f'data-keep-slide>{e(name)}</a>' for other, name in others.items())
    slides = "\n".join(_slide(deck, number, slide, strings) for number, slide in enumerate(deck.slides, 1))
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(deck.title)} – {e(strings["projector_name"])}</title>
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="{root}{ICON}">
<link rel="stylesheet" href="{root}{STYLESHEET}">
<script src="{root}{SCRIPT}" defer></script>
</head>
<body class="projector">
<header class="deck-head">
<h1>{e(deck.title)}</h1>
{switch}
<button type="button" class="deck-scheme" aria-pressed="false" hidden>{e(strings["palette_to_dark"])}</button>
</header>
<main class="deck">
{slides}
</main>
</body>
</html>
"""
