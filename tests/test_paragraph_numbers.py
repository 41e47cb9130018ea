"""Every block of the numbered pages has a number: unique, consecutive, stable."""
import json

from conftest import article, page_file
from edition.text.paragraphs import number_blocks


def test_numbered_pages_cover_foreword_essay_interviews_and_agenda(paragraphs):
    prefixes = {src: page["prefix"] for src, page in paragraphs["nl"].items()}
    assert prefixes["inleiding.md"] == 0
    assert prefixes["verkenning/kracht-en-macht.md"] == 4
    assert prefixes["voorbeelden.md"] == 7 and prefixes["dialoog.md"] == 8


def test_numbers_are_unique_consecutive_and_anchored(site, paragraphs):
    for lang, pages in paragraphs.items():
        for src, page in pages.items():
            numbers = [b["number"] for b in page["blocks"]]
            expected = [f"{page['prefix']}.{k}" for k in range(1, len(numbers) + 1)]
            assert numbers == expected, f"{lang}/{src}: numbers {numbers[:5]}..."
            body = article(page_file(site, lang, src))
            for block in page["blocks"]:
                element = body.find(id=block["anchor"])
                assert element is not None, f"{lang}/{src}: no #{block['anchor']}"
                link = element.select_one("a.paranum")
                assert link.get_text() == block["number"] and link["href"] == f"#{block['anchor']}"


def test_every_paragraph_list_item_and_quotation_is_numbered(site, paragraphs):
    for src in paragraphs["nl"]:
        body = article(page_file(site, "nl", src))
        unnumbered = [str(child)[:80] for child in body.find_all(["p", "blockquote"], recursive=False)
                      if not child.get("id", "").startswith("p-") and "signature" not in child.get("class", [])
                      and child.get_text(strip=True)]
        unnumbered += [str(li)[:80] for lst in body.find_all(["ul", "ol"], recursive=False)
                       for li in lst.find_all("li", recursive=False) if not li.get("id", "").startswith("p-")]
        assert not unnumbered, f"{src}: blocks without a number: {unnumbered}"


def test_numbers_are_identical_across_two_builds(site, second_site):
    for lang in ("nl", "en"):
        first = json.loads((site / lang / "paragraphs.json").read_text(encoding="utf-8"))
        second = json.loads((second_site / lang / "paragraphs.json").read_text(encoding="utf-8"))
        assert first == second


def test_numbering_counts_paragraphs_list_items_and_quotations_only():
    html = ('<h2 id="x">Kop</h2><p>Een.</p><ul><li>Twee</li><li>Drie</li></ul>'
            '<blockquote><p>Vier</p></blockquote><figure><p>geen</p></figure>'
            '<p class="signature">Naam</p><div class="footnote"><ol><li>noot</li></ol></div>')
    out, blocks = number_blocks(html, 5)
    assert [(b.number, b.kind) for b in blocks] == [("5.1", "p"), ("5.2", "li"), ("5.3", "li"), ("5.4", "blockquote")]
    assert 'id="p-5-4"' in out and '<a class="paranum" href="#p-5-1">5.1</a>' in out
