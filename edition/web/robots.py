"""Pages that search engines should not index: a page's front matter says `robots: noindex`
(the side-by-side views: their text is two chapters' text again). Such a page gets the robots
meta tag, and the edition's sitemap leaves it out (a sitemap lists the pages to index)."""
from __future__ import annotations

import html
import re


def with_robots_meta(page_html: str, value: str) -> str:
    return page_html.replace("</head>", f'  <meta name="robots" content="{html.escape(value)}">\n  </head>', 1)


def without_pages(sitemap: str, locations: list[str]) -> str:
    """The sitemap less the <url> entries of these addresses."""
    for location in locations:
        sitemap = re.sub(rf"\s*<url>\s*<loc>{re.escape(location)}</loc>.*?</url>", "", sitemap, flags=re.S)
    return sitemap
