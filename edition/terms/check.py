"""The termbase's rules, on text (no build needed): what a translated page breaks.

1. Where a numbered paragraph or footnote of the source contains one of a term's forms (whole
   words, case-insensitive), its translation contains one of the term's approved renderings,
   unless an exception is recorded for the term at that place.
2. No avoided rendering appears anywhere in a translation's text.
3. A source-language form that is no rendering (gemeente, intervisie) appears in a translation
   only inside an element marked with the source language (lang="nl").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from edition.terms.termbase import Termbase, normal, pattern

EXCERPT = 40  # characters shown on each side of a finding


@dataclass(frozen=True)
class Finding:
    place: str  # "3.4", "[^4]", or "" where the text has no numbered place
    message: str


def place_name(place: str) -> str:
    """How a message names a place: "paragraph 3.4", "footnote 4"."""
    if place.startswith("[^"):
        return f"footnote {place[2:-1]}"
    return f"paragraph {place}" if place else "the page"


def excerpt(text: str, match: re.Match) -> str:
    start, end = max(0, match.start() - EXCERPT), min(len(text), match.end() + EXCERPT)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def unrendered(termbase: Termbase, lang: str, source: dict[str, str], translation: dict[str, str],
               used: set[tuple[str, str]] | None = None) -> list[Finding]:
    """Rule 1 for one page: `source` and `translation` map each place to its text. The
    exceptions that excuse a finding are added to `used`."""
    found = []
    for place, text in source.items():
        if place not in translation:  # not aligned: the alignment check names it
            continue
        for term in termbase.terms:
            match = pattern(term.forms[termbase.source_language]).search(text)
            if match is None or pattern(term.forms[lang]).search(translation[place]):
                continue
            if (term.key, place) in termbase.accepted:
                if used is not None:
                    used.add((term.key, place))
                continue
            found.append(Finding(place, f"{place_name(place)}: the source has '{match.group(0)}' "
                                        f"(term '{term.key}', {term.where}); the translation has none of "
                                        f"{_listed(term.forms[lang])}: use one, or record an exception"))
    return found


def _listed(forms: tuple[str, ...]) -> str:
    unique = {normal(form): form for form in reversed(forms)}  # the first spelling of each
    return ", ".join(f"'{form}'" for form in reversed(unique.values()))


def avoided(termbase: Termbase, texts: list[tuple[str, str]]) -> list[Finding]:
    """Rule 2: `texts` are (place, text) of a translated page."""
    by_form: dict[str, list] = {}
    for term in termbase.terms:
        for form in term.avoid:
            terms = by_form.setdefault(normal(form), [])
            if term not in terms:
                terms.append(term)
    if not by_form:
        return []
    found = []
    for place, text in texts:
        for match in pattern(tuple(by_form)).finditer(text):
            terms = by_form[normal(" ".join(match.group(0).split()))]
            named = ", ".join(f"'{term.key}' ({term.where})" for term in terms)
            found.append(Finding(place, f"{place_name(place)}: '{match.group(0)}' is to be avoided "
                                        f"(term {named}): “{excerpt(text, match)}”"))
    return found


def unmarked(termbase: Termbase, lang: str, texts: list[tuple[str, str]]) -> list[Finding]:
    """Rule 3: `texts` are (place, text) of a translated page without its elements marked as
    another language."""
    kept = termbase.dutch_kept(lang)
    if not kept:
        return []
    words = pattern(kept)
    source = termbase.source_language
    return [Finding(place, f"{place_name(place)}: '{match.group(0)}' is {source} (a form of the termbase) "
                           f"but not marked lang=\"{source}\": “{excerpt(text, match)}” (write "
                           f"*{match.group(0)}*{{ lang={source} }} or <span lang=\"{source}\">…</span>)")
            for place, text in texts for match in words.finditer(text)]


def unused(termbase: Termbase, used: set[tuple[str, str]], places: set[str]) -> list[Finding]:
    """Exceptions at the given places that excused nothing: the translation now follows the
    termbase there (or the source no longer has the term), so the exception can go."""
    return [Finding(accepted.place, f"{accepted.where}: the exception for term '{accepted.term}' at "
                                    f"{place_name(accepted.place)} excuses nothing (the translation uses an "
                                    f"approved rendering there, or the source lacks the term): remove it")
            for key, accepted in termbase.accepted.items() if accepted.place in places and key not in used]
