"""The build of the Durf te Dromen edition, as plain functions and page steps.

Where each concern lives (dependencies run downwards in this list; web and print both build
on the text model, and nothing of the web imports print):

- project.py, data.py, errors.py, site.py, publication.py: the project's paths and data (one
  `Project` per build), the line-aware data reader, the shape of the publication.
- text/: the text model: the source text, paragraph numbers, footnotes, citations, corrections,
  alignment and translation drift.
- concepts/: the glossary (concepts, their pages and map) and the people and organisations,
  whose names are one fact (names.py).
- terms/: the termbase (docs/data/termbase.yml) and its check of each translation: approved
  renderings, avoided ones, Dutch terms kept in a translation marked as Dutch.
- reader/: our additions for readers: summaries, reading time, the discussion guide, citing,
  page metadata, the accessibility statement.
- web/: what only the web edition has: the language switch, Material's markup, theme files,
  the contents page and the search (Pagefind's attributes in the pages, the index per language).
- pipeline/: the page steps of a build in their order (steps.py), over generator-free views.
- print/: the PDFs, made from the built pages.
- parallel/: Dutch and English side by side, per chapter: pages made by each build, their rows
  filled in from both built editions after both builds.
- hosting/: the files for the web server (CSP, .gz copies, security.txt, source maps), the release
  folders of scripts/deploy, and the local servers (Python's; nginx for tests and bench).
- build.py: the whole site: both editions, the PDFs, the hosting files.
- adapters/mkdocs/: the only code that imports MkDocs: its events turned into pipeline stages.
"""
