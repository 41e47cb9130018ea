"""The parallel view: every numbered chapter with Dutch and English side by side, paragraph by
paragraph, in both editions (Dutch first under /nl/, English first under /en/).

Each edition's MkDocs build makes the pages (pages.py, steps.py): the chapter's title in both
languages and a marker line; the rows come after both builds (fill.py), from the two built
chapter pages, which are the aligned model as readers see it (paragraph numbers, footnote
numbers, citations and concept links done by every step of each build). That way neither build
depends on the other's output and nothing is rendered twice.
"""
