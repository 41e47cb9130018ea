"""The offline copy's scripts: browsers refuse JavaScript modules opened from a file, so the
search's modules (overrides/assets/javascripts/search*.js) become one classic script, with
lunr and its Dutch stemmer (npm, pinned in package-lock.json) in front, and the offline engine
(assets/search-engine.js) in the place of Pagefind's. edition.js loads <name> from offline/
when the page is a file.

The modules are ours and plain: `import { a, b } from "./x.js";` at the top, `export` before a
function or constant. Each becomes a function scope that returns its exports; anything else
(a default export, a dynamic import) stops the build, naming the file.
"""
from __future__ import annotations

import re
from pathlib import Path

from edition.errors import ContentError

OWN = Path(__file__).parent / "assets"
IMPORT = re.compile(r'^import \{([^}]*)\} from "\./([\w.-]+)";\n', re.M)
EXPORT = re.compile(r"^export (?:async )?(?:function\*?|const|let|class) (\w+)", re.M)
UNSUPPORTED = re.compile(r"^\s*(?:import|export)\b|\bimport\s*\(|\bimport\.meta\b", re.M)
# The libraries, by language: lunr and, for a language lunr does not stem itself, its plugin.
LIBRARIES = {"lunr": ("lunr.min.js",), "lunr-languages": ("min/lunr.stemmer.support.min.js", "min/lunr.{lang}.min.js")}
LUNR_OWN_LANGUAGE = "en"


class ScriptError(ContentError):
    pass


def _module(name: str, source: str, shown: str) -> tuple[str, list[str]]:
    """The module as a function scope assigned to modules[name]; returns it and its imports."""
    imports = IMPORT.findall(source)
    body = IMPORT.sub(lambda m: f'const {{{m.group(1)}}} = modules["{m.group(2)}"];\n', source)
    exports = EXPORT.findall(body)
    body = EXPORT.sub(lambda m: m.group(0)[len("export "):], body)
    leftover = UNSUPPORTED.search(body)
    if leftover:
        line = body[:leftover.start()].count("\n") + 1
        raise ScriptError(shown, "the offline copy bundles plain imports and exports only "
                          f"(import {{ a }} from \"./x.js\"; export function/const), not `{leftover.group(0).strip()}`", line)
    return (f'modules["{name}"] = (() => {{\n{body}\nreturn {{ {", ".join(exports)} }};\n}})();\n',
            [file for _, file in imports])


def bundle(entry: str, sources: dict[str, Path], shown) -> str:
    """The entry module and every module it imports (first), as one classic script."""
    done: dict[str, str] = {}

    def add(name: str, trail: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in trail or name not in sources:
            importer = shown(sources[trail[-1]]) if trail else name
            raise ScriptError(importer, "a cycle of imports" if name in trail else f"imports {name}, which is not there")
        code, imports = _module(name, sources[name].read_text(encoding="utf-8"), shown(sources[name]))
        for imported in imports:
            add(imported, trail + (name,))
        done[name] = code
    add(entry, ())
    return "(() => {\n\"use strict\";\nconst modules = {};\n" + "".join(done.values()) + "})();\n"


def libraries(node_modules: Path, lang: str) -> list[tuple[str, str, Path]]:
    """(package, version, file) of the libraries this language's search needs."""
    found = []
    for package, files in LIBRARIES.items():
        if package == "lunr-languages" and lang == LUNR_OWN_LANGUAGE:
            continue
        folder = node_modules / package
        if not (folder / "package.json").exists():
            raise ScriptError(folder, "not installed; the offline copy ships it (run scripts/setup)")
        version = re.search(r'"version":\s*"([^"]+)"', (folder / "package.json").read_text(encoding="utf-8")).group(1)
        for file in files:
            path = folder / file.format(lang=lang)
            if not path.exists():
                raise ScriptError(path, f"not in {package} {version}; no stemmer for the language '{lang}'?")
            found.append((package, version, path))
    return found


def search_script(theme_scripts: Path, node_modules: Path, lang: str, shown) -> str:
    """offline/search.js of one language: the libraries, then the search's modules."""
    sources = {path.name: path for path in sorted(theme_scripts.glob("search*.js"))}
    sources["search-engine.js"] = OWN / "search-engine.js"
    parts = [f"/* {package} {version}: {path.name} */\n{path.read_text(encoding='utf-8')}\n;"
             for package, version, path in libraries(node_modules, lang)]
    return "\n".join(parts + [bundle("search.js", sources, shown)])


def landing_script(theme_scripts: Path, shown) -> str:
    """offline/search-landing.js: the page opened from a result marks the words found."""
    return bundle("search-landing.js", {"search-landing.js": theme_scripts / "search-landing.js"}, shown)
