"""The offline copy: one ZIP of both editions with their PDFs, to read from a laptop or a USB
stick where there is no internet (pack.py)."""
