"""References to the publication, a chapter or a paragraph: APA 7 text, BibTeX and RIS.

Each names the language edition ("Nederlandse webuitgave" / "English web edition"), its year
and its address, and the brochure's year as the original's (APA 7, 9.41: a republished work,
cited in the text as "De Gruijter, 2010/2026"). A paragraph's number is the locator of the
in-text citation ("alinea 4.3" / "para. 4.3"), not part of the reference; its address is the
paragraph's short address (…/nl/4.3, which leads to it: edition/reader/short_addresses.py). A
paragraph reference can be a template: number "[[n]]", filled in by the page's script for the
paragraph the reader picks, so the formats are written in one place only.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from edition.publication import Author, Publication

FORMATS = {"apa": "APA 7", "intext": "APA 7", "bibtex": "BibTeX", "ris": "RIS"}
EXTENSIONS = {"bibtex": "bib", "ris": "ris"}
NUMBER_TOKEN = "[[n]]"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
BIBTEX_SPECIAL = str.maketrans({c: "\\" + c for c in "&%$#_"})


@dataclass(frozen=True)
class Reference:
    lang: str
    book: str  # the publication's title in this edition
    url: str  # absolute address (with #p-N-k for a paragraph)
    key: str  # BibTeX key: durftedromen2010-nl, …-nl-4, …-nl-4.3
    author: Author
    chapter: str = ""  # the chapter's title; "" for the whole publication
    paragraph: str = ""  # "4.3"; "" for a chapter or the publication


def _sentence(text: str) -> str:
    return text if text[-1:] in ".?!" else text + "."


def _marked(text: str, lang: str, page_lang: str) -> str:
    """Escaped; marked with its language where that is not the page's (a Dutch organisation)."""
    return f'<span lang="{lang}">{html.escape(text)}</span>' if lang and lang != page_lang else html.escape(text)


def years(pub: Publication) -> str:
    """"2010/2026": the original's year and this edition's (one year if they are the same)."""
    edition = pub.edition_date.year
    return str(pub.year) if edition == pub.year else f"{pub.year}/{edition}"


def apa(ref: Reference, pub: Publication, strings: dict[str, str]) -> tuple[str, str]:
    """APA 7 reference as (plain text, HTML with the book title in italics)."""
    name = ref.author.apa()
    year = pub.edition_date.year
    stop = "" if ref.author.is_person else _sentence(name)[len(name):]
    edition = f"[{strings['cite_edition']}]"
    # The publisher is left out when it is also the author (APA 7, 9.29).
    publisher = "" if ref.author == pub.publisher else pub.publisher.name
    original = "" if year == pub.year else f" ({strings['cite_original'].format(year=pub.year)})"
    # (text, its language): the names of organisations are marked where they are not the page's.
    parts = [(name, ref.author.lang), (f"{stop} ({year}).", "")]
    if ref.chapter:
        parts.append((f" {_sentence(ref.chapter)} In", ""))
    parts += [(" ", ""), (ref.book, "title"), (f" {edition}.", "")]
    if publisher:
        parts += [(" ", ""), (publisher, pub.publisher.lang), (_sentence(publisher)[len(publisher):], "")]
    parts.append((f" {ref.url}{original}", ""))
    text = "".join(part for part, _ in parts)
    markup = "".join(f"<i>{html.escape(part)}</i>" if lang == "title" else _marked(part, lang, ref.lang)
                     for part, lang in parts)
    return text, markup


def in_text(ref: Reference, pub: Publication, strings: dict[str, str], markup: bool = False) -> str:
    """APA 7 parenthetical citation: "(De Gruijter, 2010/2026, alinea 4.3)"; with markup, as HTML
    with an organisation's name marked with its language where that is not the page's."""
    where = f", {strings['cite_paragraph_short']} {ref.paragraph}" if ref.paragraph else ""
    if not markup:
        return f"({ref.author.surname}, {years(pub)}{where})"
    return f"({_marked(ref.author.surname, ref.author.lang, ref.lang)}, {html.escape(years(pub) + where)})"


def _note(ref: Reference, strings: dict[str, str]) -> str:
    where = f", {strings['cite_paragraph_short']} {ref.paragraph}" if ref.paragraph else ""
    return strings["cite_edition"] + where


def bibtex(ref: Reference, pub: Publication, strings: dict[str, str]) -> str:
    def text(value: str) -> str:
        return value.translate(BIBTEX_SPECIAL)
    author = f"{{{text(ref.author.name)}}}" if not ref.author.is_person else text(ref.author.inverted())
    fields = [("author", f"{{{author}}}")]
    if ref.chapter:
        fields += [("title", f"{{{{{text(ref.chapter)}}}}}"), ("booktitle", f"{{{{{text(ref.book)}}}}}")]
    else:
        fields += [("title", f"{{{{{text(ref.book)}}}}}")]
    day = pub.edition_date
    fields += [("publisher", f"{{{text(pub.publisher.name)}}}"), ("address", f"{{{text(pub.place)}}}"),
               ("year", f"{{{day.year}}}"), ("month", MONTHS[day.month - 1]), ("date", f"{{{day.isoformat()}}}"),
               ("origdate", f"{{{pub.date}}}"),
               ("note", f"{{{text(_note(ref, strings))}}}"), ("langid", f"{{{strings['cite_langid']}}}"),
               ("url", f"{{{ref.url}}}")]
    kind = "incollection" if ref.chapter else "book"
    body = ",\n".join(f"  {name:<9} = {value}" for name, value in fields)
    return f"@{kind}{{{ref.key},\n{body},\n}}\n"


def ris(ref: Reference, pub: Publication, strings: dict[str, str]) -> str:
    lines = [("TY", "CHAP" if ref.chapter else "BOOK"), ("AU", ref.author.inverted())]
    lines += [("TI", ref.chapter), ("T2", ref.book)] if ref.chapter else [("TI", ref.book)]
    day = pub.edition_date
    lines += [("PY", str(day.year)), ("DA", day.strftime("%Y/%m/%d")), ("OP", f"{pub.year}/{pub.month:02d}"),
              ("PB", pub.publisher.name),
              ("CY", pub.place), ("ET", strings["cite_edition"])]
    if ref.paragraph:
        lines.append(("N1", f"{strings['cite_paragraph_short']} {ref.paragraph}"))
    lines += [("LA", ref.lang), ("UR", ref.url), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def all_formats(ref: Reference, pub: Publication, strings: dict[str, str]) -> dict:
    text, markup = apa(ref, pub, strings)
    return {"apa": {"text": text, "html": markup}, "intext": in_text(ref, pub, strings),
            "intext_html": in_text(ref, pub, strings, markup=True), "bibtex": bibtex(ref, pub, strings),
            "ris": ris(ref, pub, strings)}
