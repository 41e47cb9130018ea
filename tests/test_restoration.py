"""No sentence of the brochure is lost, and every correction is recorded and applied."""
from conftest import article, page_file
from edition.text.source import fragments, key
from edition.project import default_project

PROJECT = default_project()

# .edition-note: what the edition adds to the authors' text (reader tools, links to the PDFs).
UNNUMBERED_EXTRAS = "a.paranum, a.footnote-backref, a.citation, .edition-note"


def dutch_text(site, paragraphs_nl) -> str:
    """The Dutch pages' text in reading order (with the sources page and its notes)."""
    texts = []
    pages = list(paragraphs_nl) + ["verkenning/index.md"]
    for src in pages:
        body = article(page_file(site, "nl", src))
        for extra in body.select(UNNUMBERED_EXTRAS):
            extra.decompose()
        texts.append(body.get_text(" "))
    return key(" ".join(texts))


def test_no_sentence_of_the_source_is_lost(site, paragraphs):
    corrections = [(key(c["original"]), key(c["corrected"])) for c in PROJECT.corrections()]
    built = dutch_text(site, paragraphs["nl"])
    missing = []
    for fragment in fragments(PROJECT):
        wanted = key(fragment.text)
        for original, corrected in corrections:
            wanted = wanted.replace(original, corrected)
        if wanted not in built:
            missing.append(f"source line {fragment.line}: {fragment.text!r}")
    assert not missing, f"{len(missing)} passages of the source are not in the Dutch pages:\n" + "\n".join(missing)


def test_every_correction_names_source_text_and_its_paragraph(site, paragraphs):
    source = key("".join(f.text for f in fragments(PROJECT)))
    problems = []
    for c in PROJECT.corrections():
        if key(c["original"]) not in source:
            problems.append(f"{c['file']}: original {c['original']!r} is not in the source")
        where = str(c["where"])
        if where[0].isdigit():
            blocks = {b["number"]: b["text"] for b in paragraphs["nl"][c["page"]]["blocks"]}
            if key(c["corrected"]) not in key(blocks.get(where, "")):
                problems.append(f"{c['file']}: {c['corrected']!r} is not in paragraph {where} of {c['page']}")
    assert not problems, "\n".join(problems)


def test_corrections_table_lists_every_correction(site):
    table = article(site / "nl" / "over-deze-uitgave" / "index.html").select("table.corrections tbody tr")
    assert len(table) == len(PROJECT.corrections()) > 0
