"""Build logic of the Durf te Dromen edition, as plain functions (text in, text out).

The MkDocs hooks in overrides/hooks/ are thin adapters over these modules, so that tests
can import them directly and the logic survives a move to another generator.
"""
