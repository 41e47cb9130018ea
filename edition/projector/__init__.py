"""The projector view: the agenda for the dialogue and each concept as slides for a room.

blocks.py reads the numbered paragraphs from the rendered pages, decks.py makes the slides from
the discussion guide and the concepts, render.py writes a deck as one page, steps.py ties them
into a language's build (the decks are written after its pages, to <lang>/projectie/).
"""
