// Arriving from a search result (search.js): the page opens at the paragraph (its #anchor), the
// words found (?h=) are marked in it, focus is placed on it so that keyboard and screen reader
// users continue from there, and a note above it says what is marked, with a button that
// removes the marks (and ?h= from the address). edition.js imports this module only when the
// address has ?h=.
const params = new URLSearchParams(window.location.search);
const words = (params.get("h") || "").split(/\s+/).filter(Boolean).slice(0, 20);
const article = document.querySelector("article.md-content__inner");
const data = document.querySelector(".edition-search-strings");
const strings = data ? JSON.parse(data.textContent) : null;
const SKIP = "a.paranum, script, style, .edition-note, .edition-hit-note";

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The target and the elements its marks go in: a paragraph itself; a heading with its section
// (up to the next heading as high); the whole text for the top of a page.
function scope() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : article && article.querySelector("h1");
  if (!target || !article || !article.contains(target)) return null;
  if (!/^H[1-6]$/.test(target.tagName)) return { target, parts: [target] };
  if (target.tagName === "H1") return { target, parts: [article] };
  const parts = [target];
  for (let next = target.nextElementSibling; next; next = next.nextElementSibling) {
    if (/^H[1-6]$/.test(next.tagName) && next.tagName <= target.tagName) break;
    parts.push(next);
  }
  return { target, parts };
}

function mark(parts) {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const marks = [];
  for (const part of parts) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.nodeValue;
      const pieces = [];
      let last = 0;
      for (const found of text.matchAll(pattern)) {
        pieces.push(text.slice(last, found.index));
        const element = document.createElement("mark");
        element.className = "edition-hit";
        element.textContent = found[0];
        pieces.push(element);
        marks.push(element);
        last = found.index + found[0].length;
      }
      if (pieces.length) node.replaceWith(...pieces, text.slice(last));
    }
  }
  return marks;
}

function unmark(marks, note) {
  for (const element of marks) element.replaceWith(element.textContent);
  article.normalize();
  note.remove();
  const url = new URL(window.location.href);
  url.searchParams.delete("h");
  window.history.replaceState(window.history.state, "", url.href);
}

const found = words.length && strings && scope();
if (found) {
  const marks = mark(found.parts);
  const note = document.createElement("p");
  note.className = "edition-hit-note";
  note.textContent = strings.search_highlighted.replace("{query}", words.join(" "));
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.textContent = strings.search_dismiss;
  dismiss.addEventListener("click", () => {
    unmark(marks, note);
    found.target.focus();
  });
  note.append(" ", dismiss);
  found.target.before(note);
  if (found.target.tabIndex < 0) found.target.setAttribute("tabindex", "-1");
  found.target.focus({ preventScroll: true });
  note.scrollIntoView({ block: "start" });
}
