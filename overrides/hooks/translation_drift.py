"""The English edition warns (an error under --strict) where the Dutch text has changed."""
import logging
from pathlib import Path

from edition import translation_drift as drift
from edition.errors import ContentError
from edition.hook_support import docs_root, language, page_path, stops_build
from edition.paths import SOURCE_LANGUAGE
from edition.strings import interface

log = logging.getLogger("mkdocs.hooks.translation_drift")
_state: dict = {}


@stops_build
def on_config(config):
    _state.clear()
    if language(config) == SOURCE_LANGUAGE:
        return config
    source = Path(config["site_dir"]).parent / SOURCE_LANGUAGE / "paragraphs.json"
    if not source.exists():
        raise ContentError(source, "the Dutch edition must be built before the translation "
                                   "(scripts/build.py builds both, in order)")
    _state["current"] = drift.source_fingerprints(source)
    _state["recorded"] = drift.load_record(docs_root(config) / "data", language(config))
    return config


def on_page_content(html, page, config, files):
    if "current" not in _state:
        return html
    outdated = drift.outdated_blocks(page.file.src_uri, _state["current"], _state["recorded"])
    if outdated:
        log.warning(f"{page_path(page, config)}: the Dutch text of paragraph(s) {', '.join(outdated)} "
                    f"changed since it was translated: update the translation, then run "
                    f"scripts/translation_status.py --accept {page.file.src_uri}")
        html = drift.mark_outdated(html, outdated, interface(language(config))["translation_outdated"])
    return html
