"""offline/search-data.js of one edition: what the offline search (assets/search-engine.js)
indexes, as a classic script (browsers refuse fetch() from a file). The same records as
Pagefind's (edition/web/search_records.py, one per numbered paragraph, footnote, source and
heading), the pages' titles and file addresses, the stop words and the edition's vocabulary
(for "did you mean"), all read from the built pages as search_index.py reads them."""
from __future__ import annotations

import json
from pathlib import Path

from edition.offline.links import file_url
from edition.web.search_index import edition_records, vocabulary


def search_data(project, site_dir: Path, lang: str) -> str:
    pages, records = edition_records(site_dir)
    data = {
        "lang": lang,
        "pages": [{"url": file_url(page["url"]) if page["url"] else "index.html", "title": page["title"]}
                  for page in pages],
        # [page, anchor, section, name, text]: compact, the text read as Pagefind reads it
        "records": [[page, record.anchor, record.section, record.name, record.text] for page, record in records],
        "stopWords": project.stop_words(lang),
        "words": vocabulary([record for _, record in records]),
    }
    return "window.editionSearchData = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
