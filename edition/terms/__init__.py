"""The termbase (docs/data/termbase.yml) and its check of each translation."""
