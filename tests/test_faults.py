"""Bad input stops the build with a message naming the file (and line where known)."""


def test_broken_link_fails_naming_the_file(broken_copy):
    docs, build = broken_copy
    page = docs / "nl" / "verkenning" / "randvoorwaarden.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [elders](bestaat-niet.md).\n", encoding="utf-8")
    error = build()
    assert "verkenning/randvoorwaarden.md" in error and "bestaat-niet.md" in error, error


def test_broken_anchor_fails_naming_the_file(broken_copy):
    docs, build = broken_copy
    page = docs / "nl" / "inleiding.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [3.99](verkenning/doel-en-doelgroepen.md#p-3-99).\n",
                    encoding="utf-8")
    error = build()
    assert "inleiding.md" in error and "p-3-99" in error, error


def test_footnote_without_note_fails_naming_file_and_line(broken_copy):
    docs, build = broken_copy
    page = docs / "nl" / "verkenning" / "kracht-en-macht.md"
    text = page.read_text(encoding="utf-8")
    definition = next(line for line in text.splitlines() if line.startswith("[^13]:"))
    page.write_text(text.replace(definition, ""), encoding="utf-8")
    error = build()
    line = text.splitlines().index(next(l for l in text.splitlines() if "[^13]" in l and not l.startswith("[^13]:"))) + 1
    assert f"docs/nl/verkenning/kracht-en-macht.md:{line}: footnote [^13] has no note" in error, error


def test_missing_english_counterpart_fails_naming_the_file(broken_copy):
    docs, build = broken_copy
    (docs / "en" / "dialoog.md").unlink()
    error = build()
    assert "docs/nl/dialoog.md: no counterpart docs/en/dialoog.md" in error, error


def test_unknown_citation_fails_naming_file_and_line(broken_copy):
    docs, build = broken_copy
    page = docs / "nl" / "verkenning" / "randvoorwaarden.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("[^99]: Onbekend. [@niemand-1999]")
    lines.insert(6, "Een bewering.[^99]")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = build()
    assert "docs/nl/verkenning/randvoorwaarden.md:" in error and "[@niemand-1999] names no work" in error, error
