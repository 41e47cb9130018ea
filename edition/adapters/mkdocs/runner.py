"""Run MkDocs for one language edition, in the calling process as if it were a new one.

MkDocs keeps state per build (its logger's handler, the hooks' module, the environment that
mkdocs.yml's !ENV tags read), so each build runs in a process of its own: build_site's pool
forks a process per language. The build runs MkDocs' own command line in that process rather
than starting Python again: the pool's processes are forks of a process that has imported
MkDocs, Material and this package (preload), which a new interpreter imports anew for every
build (about 0.6 s of CPU a language; the live preview and the tests build many times).
"""
from __future__ import annotations

import io
import os
import subprocess
from contextlib import redirect_stderr
from pathlib import Path


def edition_environment(project, lang: str, out: Path, site_url: str, drift: str = "error") -> dict[str, str]:
    """The settings that differ per language edition (read by mkdocs.yml's !ENV tags)."""
    # NO_MKDOCS_2_WARNING: mkdocs 1.6.1 is pinned on purpose (see README).
    return {"NO_MKDOCS_2_WARNING": "1", "DTD_LANG": lang, "DTD_DOCS_DIR": str(project.content(lang)),
            "DTD_SITE_DIR": str(out / lang), "DTD_SITE_URL": f"{site_url}{lang}/", "DTD_DRIFT": drift}


def preload() -> None:
    """Import what a build uses, before the processes that build are forked."""
    import material  # noqa: F401
    import mkdocs.__main__  # noqa: F401
    import mkdocs.commands.build  # noqa: F401

    import edition.adapters.mkdocs.hooks  # noqa: F401


def build_edition(project, lang: str, out: Path, site_url: str, strict: bool = True,
                  drift: str = "error") -> subprocess.CompletedProcess:
    """`mkdocs build` of one language: its exit code and what it wrote to stderr (its log)."""
    from mkdocs.__main__ import cli

    arguments = ["build", "--clean", "-f", str(project.config_file)] + (["--strict"] if strict else [])
    log, environment, folder = io.StringIO(), dict(os.environ), os.getcwd()
    os.environ.update(edition_environment(project, lang, out, site_url, drift))
    os.chdir(project.root)
    try:
        with redirect_stderr(log):
            try:
                cli.main(arguments, prog_name="mkdocs", standalone_mode=True)
                code = 0
            except SystemExit as exit:  # what the command line ends with, an error or not
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    finally:
        os.chdir(folder)
        os.environ.clear()
        os.environ.update(environment)
    return subprocess.CompletedProcess(["mkdocs", *arguments], code, "", log.getvalue())
