"""python -m edition.preview [SITE] [--port N]: build the site, serve it, and rebuild what changes.

The editor's loop (README, "Editing with the live preview"): a saved change of a page, the data,
the theme or the build's code is rebuilt (the changed language's pages first, its PDFs after) and
the open browser page reloads itself; a content error is shown in the terminal and over the page,
and the server keeps serving the last good build.
"""
from __future__ import annotations

import argparse
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from edition.build import BuildError, build_site, workers
from edition.caches import default_cache
from edition.downloads import DownloadQueue
from edition.project import Project
from edition.preview.changes import changed, snapshot
from edition.preview.server import Status, make_preview_server

POLL_SECONDS = 0.4


def rebuild(project: Project, site: Path, languages: tuple[str, ...], status: Status, pdfs: bool = True,
            cache: Path | None = None) -> None:
    """The pages of the languages into a fresh folder, swapped in; then their PDFs in place.
    `cache`: the PDFs' (and beside it the other caches), by default the working copy's."""
    start = time.perf_counter()
    cache = cache or default_cache(project)
    fresh = site.parent / f".{site.name}-next"
    shutil.rmtree(fresh, ignore_errors=True)
    problem = None
    try:
        build_site(fresh, Project(project.root, project.docs), cache=cache, languages=languages, pdfs=False,
                   drift="notice")
    except BuildError as error:
        print(f"preview: content error, still serving the last good build of what it stopped:\n{error}", flush=True)
        problem, languages = str(error), error.built
    for lang in languages:
        old = site / f".{lang}-old"
        shutil.rmtree(old, ignore_errors=True)
        if (site / lang).exists():
            (site / lang).rename(old)
        (fresh / lang).rename(site / lang)
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    if problem:
        status.failed(problem)
        return
    status.built()
    print(f"preview: rebuilt {', '.join(languages)} in {time.perf_counter() - start:.1f} s", flush=True)
    if not pdfs:
        return
    # One job a download, as the full build does (WeasyPrint holds the GIL).
    with ProcessPoolExecutor(max_workers=workers(languages)) as pool:
        downloads = DownloadQueue(pool, Project(project.root, project.docs), site, cache)
        for lang in languages:
            downloads.add(lang)
        downloads.run(workers(languages))
    status.built()
    print(f"preview: PDFs of {', '.join(languages)} after {time.perf_counter() - start:.1f} s", flush=True)


def watch(project: Project, site: Path, status: Status, pdfs: bool) -> None:
    seen = snapshot(project)
    while True:
        time.sleep(POLL_SECONDS)
        now = snapshot(project)
        paths = changed(seen, now)
        if not paths:
            continue
        time.sleep(POLL_SECONDS)  # an editor saving several files at once: one rebuild
        now = snapshot(project)
        paths = changed(seen, now)
        seen = now
        try:
            names = ", ".join(project.shown(p) for p in paths[:3]) + (" …" if len(paths) > 3 else "")
            print(f"preview: changed {names}", flush=True)
            rebuild(project, site, project.languages, status, pdfs)
        except Exception as error:  # noqa: BLE001 - an editor's preview must survive any one rebuild
            print(f"preview: the rebuild failed: {error}", flush=True)
            status.failed(str(error))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--docs", type=Path, help="another docs/ folder than the repository's (tests)")
    parser.add_argument("--no-pdfs", action="store_true", help="pages only (tests)")
    args = parser.parse_args()
    project = Project(docs=args.docs.resolve()) if args.docs else Project()
    site, status = args.site.resolve(), Status()
    try:
        report = build_site(site, project, pdfs=not args.no_pdfs)
        print(f"preview: built in {report['total']['seconds']:.1f} s", flush=True)
    except BuildError as error:
        print(f"preview: content error (fix it; the preview rebuilds when you save):\n{error}", flush=True)
        status.failed(str(error))
        site.mkdir(parents=True, exist_ok=True)
    server = make_preview_server(site, status, args.port)
    threading.Thread(target=watch, args=(project, site, status, not args.no_pdfs), daemon=True).start()
    print(f"preview: http://127.0.0.1:{args.port}/ (Dutch at /nl/, English at /en/); "
          "saved changes rebuild and reload the page; Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
