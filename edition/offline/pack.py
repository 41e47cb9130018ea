"""The offline copy: one ZIP of the built site (both editions, their PDFs and any other file a
reader can download), made to work when unzipped and opened from files (file://), with no
request leaving the computer.

Made by build.py after both editions, their PDFs and the side-by-side views, from the built
files: the pages with their links to folders made links to files (links.py), the search as
classic scripts over lunr (scripts.py, search_data.py; Pagefind cannot run from a file), a
root page offering both languages, and a LEESMIJ.txt and README.txt saying how to open it.
Left out: what only a server uses (the Pagefind index, the 404 pages, the sitemaps, .gz copies,
source maps, the server's policy and security.txt, which the build writes after this anyway).

The ZIP is byte-reproducible (edition/archive.py) and kept by a hash of all it is made from, so an
unchanged site does not pack it again (.cache/offline/).
"""
from __future__ import annotations

import hashlib
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from edition import archive
from edition.data import read_yaml
from edition.hosting.csp import COLLECTED
from edition.offline.links import rewrite_page
from edition.offline.scripts import OWN, landing_script, libraries, search_script
from edition.offline.search_data import search_data

CODE = Path(__file__).parent
# What only a server reads (a folder of that name, a file of that name, a suffix).
SERVER_FOLDERS = {"pagefind", ".hosting", ".well-known"}
# (and the build's notes of the inline code's hashes, removed once the policy is written)
SERVER_FILES = {"404.html", "sitemap.xml", "robots.txt", COLLECTED}
SERVER_SUFFIXES = {".gz", ".map"}
OFFLINE_SCRIPTS = "assets/javascripts/offline"
LICENSES = "LICENSES.txt"


@dataclass(frozen=True)
class OfflineSettings:
    file: str  # durf-te-dromen-offline.zip, at the site's root
    folder: str  # the one folder in the ZIP
    readme: dict[str, str]  # per language its file name: LEESMIJ.txt, README.txt


def load_offline_settings(project) -> OfflineSettings:
    raw = read_yaml(project.data / "offline.yml", project.shown)
    readme = raw.require("readme", "per language the name of the file that says how to open the copy")
    names = {lang: readme.text(lang, f"the name of the {lang} readme") for lang in project.languages}
    return OfflineSettings(raw.text("file", "the ZIP's file name"), raw.text("folder", "the folder in the ZIP"), names)


def site_files(site: Path, settings: OfflineSettings) -> list[str]:
    """The built files a reader can use, as paths in the site, sorted."""
    files = []
    for path in site.rglob("*"):
        relative = path.relative_to(site)
        if (not path.is_file() or relative.as_posix() == settings.file or path.name in SERVER_FILES
                or path.suffix in SERVER_SUFFIXES or SERVER_FOLDERS & set(relative.parts[:-1])):
            continue
        files.append(relative.as_posix())
    return sorted(files)


def _readme(project, lang: str, settings: OfflineSettings, site_url: str) -> bytes:
    strings = project.strings(lang)
    text = strings["offline_readme"].format(folder=settings.folder, url=site_url, cite=strings["cite_title"],
                                            licenses=LICENSES)
    return text.replace("\n", "\r\n").encode("utf-8")  # CRLF: read by every editor, Notepad too


def _licenses(project, node_modules: Path) -> bytes:
    """The libraries shipped in the copy (the search's), each with its licence."""
    parts = {}
    for lang in project.languages:
        for package, version, path in libraries(node_modules, lang):
            folder = next(parent for parent in path.parents if parent.name == package)
            parts[package] = f"{package} {version}\n\n{(folder / 'LICENSE').read_text(encoding='utf-8').strip()}\n"
    heading = "\n".join(project.strings(lang)["offline_licenses"] for lang in project.languages)
    return (heading + "\n\n" + "\n\n".join(parts.values())).replace("\n", "\r\n").encode("utf-8")


def _entries(project, site: Path, files: list[str], settings: OfflineSettings, site_url: str,
             root_page: str) -> list[tuple[str, bytes]]:
    node_modules = project.root / "node_modules"
    made: dict[str, bytes] = {"index.html": rewrite_page(root_page, "index.html", site_url).encode("utf-8"),
                              LICENSES: _licenses(project, node_modules)}
    for lang in project.languages:
        made[settings.readme[lang]] = _readme(project, lang, settings, site_url)
        theme_scripts = site / lang / "assets" / "javascripts"
        folder = f"{lang}/{OFFLINE_SCRIPTS}"
        made[f"{folder}/search.js"] = search_script(theme_scripts, node_modules, lang, project.shown).encode("utf-8")
        made[f"{folder}/search-landing.js"] = landing_script(theme_scripts, project.shown).encode("utf-8")
        made[f"{folder}/search-data.js"] = search_data(project, site / lang, lang).encode("utf-8")
    for name in files:
        if name in made:
            continue
        data = (site / name).read_bytes()
        if name.endswith(".html"):
            data = rewrite_page(data.decode("utf-8"), name, site_url).encode("utf-8")
        made[name] = data
    return [(f"{settings.folder}/{name}", made[name]) for name in sorted(made)]


def _key(project, site: Path, files: list[str], site_url: str, root_page: str) -> str:
    """A hash of everything the ZIP is made from, by names that do not depend on where the
    site or the working copy is (a test's build in a temporary folder finds it too)."""
    node_modules = project.root / "node_modules"
    inputs = [(name, site / name) for name in files]
    inputs += [(path.relative_to(CODE).as_posix(), path) for path in sorted(CODE.rglob("*.py")) + sorted(OWN.glob("*.js"))]
    inputs += [("archive.py", Path(archive.__file__))]  # the ZIP writer, shared with the EPUBs
    inputs += [(name, project.data / name) for name in ("offline.yml", "interface.yml", "search.yml", "publication.yml")]
    inputs += [(path.relative_to(node_modules).as_posix(), path)
               for lang in project.languages for _, _, path in libraries(node_modules, lang)]
    digest = hashlib.sha256()
    for part in (site_url, root_page, *project.languages):
        digest.update(part.encode("utf-8") + b"\0")
    for name, path in inputs:
        digest.update(name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build_offline_pack(project, site: Path, site_url: str, root_page: str, cache: Path | None) -> dict:
    """Write site/<file>.zip; return its size, its number of files and the seconds taken."""
    start = time.perf_counter()
    settings = load_offline_settings(project)
    files = site_files(site, settings)
    target = site / settings.file
    key = _key(project, site, files, site_url, root_page)
    cached = cache / f"{key}.zip" if cache is not None else None
    reused = cached is not None and cached.exists()
    if reused:
        shutil.copyfile(cached, target)
    else:
        entries = _entries(project, site, files, settings, site_url, root_page)
        archive.write_zip(target, entries, project.publication().edition_date)
        if cached is not None:
            cache.mkdir(parents=True, exist_ok=True)
            for old in cache.glob("*.zip"):  # one copy is enough: an edited site seldom goes back
                old.unlink()
            shutil.copyfile(target, cached)
    return {"file": settings.file, "bytes": target.stat().st_size, "seconds": time.perf_counter() - start,
            "cached": reused}
