"""The project being built: where its files are, and its data, each read once.

One `Project` is made per build (or per test, for a copy of docs/) and passed to every loader,
so that nothing reads a file that its caller did not point at. Its loaders keep what they read
for the life of the object: data are loaded once per build, and a fresh Project sees fresh files.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from edition.data import read_yaml

LANGUAGES = ("nl", "en")
SOURCE_LANGUAGE = "nl"
# The repository this package was installed from (editable install): the default project.
REPOSITORY = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, eq=False)
class Project:
    root: Path = REPOSITORY  # holds mkdocs.yml and overrides/ (the theme)
    docs: Path = REPOSITORY / "docs"  # nl/, en/ and data/ (a test may point at a broken copy)
    languages: tuple[str, ...] = LANGUAGES
    source_language: str = SOURCE_LANGUAGE
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def data(self) -> Path:
        return self.docs / "data"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def theme(self) -> Path:
        return self.root / "overrides"

    def content(self, lang: str) -> Path:
        return self.docs / lang

    def shown(self, path: Path) -> str:
        """A path as error messages name it: docs/data/people.yml (from the docs folder's parent)."""
        try:
            return path.relative_to(self.docs.parent).as_posix()
        except ValueError:
            return str(path)

    def other_languages(self, lang: str) -> list[str]:
        return [other for other in self.languages if other != lang]

    def once(self, key, load):
        """The value of load(), computed on first use and kept for this project."""
        if key not in self._memo:
            self._memo[key] = load()
        return self._memo[key]

    # The data every part of the build shares, each read once.

    def strings(self, lang: str) -> dict[str, str]:
        """Interface strings of our own additions (docs/data/interface.yml)."""
        table = self.once("interface", lambda: read_yaml(self.data / "interface.yml", self.shown))
        return table.require(lang, "the interface strings of this language").value

    def nav(self) -> tuple[str, ...]:
        from edition.site import nav_sources
        return self.once("nav", lambda: nav_sources(self.site_config()))

    def chapters(self):
        from edition.site import numbered_chapters
        return self.once("chapters", lambda: numbered_chapters(self))

    def chapter_of(self, src: str):
        return next((chapter for chapter in self.chapters() if chapter.src == src), None)

    def sources(self) -> dict[str, dict]:
        from edition.text.sources import load_sources
        return self.once("sources", lambda: load_sources(self))

    def concepts(self):
        from edition.concepts.model import load_concepts
        return self.once("concepts", lambda: load_concepts(self))

    def kinds(self):
        from edition.concepts.model import load_kinds
        return self.once("kinds", lambda: load_kinds(self))

    def summaries(self):
        from edition.reader.summaries import load_summaries
        return self.once("summaries", lambda: load_summaries(self))

    def guide(self, lang: str):
        from edition.reader.discussion_guide import load_guide
        return self.once(("guide", lang), lambda: load_guide(self, lang))

    def stop_words(self, lang: str) -> list[str]:
        from edition.web.search_index import load_stop_words
        return self.once(("stop_words", lang), lambda: load_stop_words(self, lang))

    def site_config(self) -> dict:
        """mkdocs.yml as every edition shares it (its !ENV values, which differ per edition, as None)."""
        import yaml

        class Loader(yaml.SafeLoader):
            pass
        Loader.add_constructor("!ENV", lambda loader, node: None)
        return self.once("config", lambda: yaml.load(self.config_file.read_text(encoding="utf-8"), Loader=Loader))

    def publication(self):
        from edition.publication import load_publication
        return self.once("publication", lambda: load_publication(self, self.site_config()["site_author"]))

    def print_settings(self):
        from edition.print.settings import load_print_settings
        return self.once("print", lambda: load_print_settings(self))

    def termbase(self):
        from edition.terms.termbase import load_termbase
        return self.once("termbase", lambda: load_termbase(self))

    def corrections(self):
        from edition.text.corrections import load_corrections
        return self.once("corrections", lambda: load_corrections(self))


@functools.cache
def default_project() -> Project:
    """The repository's own project (scripts and tests that do not build a copy)."""
    return Project()
