// The language switch keeps the reader's place and palette. Its links already lead to the same
// page in the other language (plain links, working without JavaScript); here they get the
// anchor of the paragraph or heading in view (the ids are the same in both languages), and the
// chosen palette goes along (Material keeps it per edition: "/nl/.__palette", "/en/.__palette").
const ANCHORS = "article [id^='p-'], article :is(h2, h3, h4, h5, h6)[id]";
// The anchor the reader came by (#p-3-4), read before Material's navigation.tracking rewrites
// the address to the heading of the section in view (or drops the anchor above the first one).
let arrivedBy = window.location.hash;
window.addEventListener("hashchange", () => { arrivedBy = window.location.hash; });

function placeInView() {
  const header = document.querySelector(".md-header");
  const below = header ? header.getBoundingClientRect().bottom : 0;
  const shown = (element) => element && element.getBoundingClientRect().bottom > below &&
    element.getBoundingClientRect().top < window.innerHeight;
  const line = parseFloat(getComputedStyle(document.body).lineHeight) || 24;
  const arrived = arrivedBy && document.getElementById(decodeURIComponent(arrivedBy.slice(1)));
  // Still at the page's start (its title in view): the page itself, or the anchor the reader
  // arrived by if that is in view.
  const title = document.querySelector("article h1");
  if (shown(title)) return shown(arrived) ? arrivedBy : "";
  // Still where the address's anchor put it (just under the header, within its scroll margin):
  // that anchor, though the end of a short block above it may show too.
  const top = arrived ? arrived.getBoundingClientRect().top : -1;
  if (top >= below - 2 && top <= below + 2 * line) return arrivedBy;
  // Else the first paragraph or heading of which more than a line shows under the header (not
  // the address's anchor: Material's navigation.tracking sets that to the section's heading).
  const found = [...document.querySelectorAll(ANCHORS)].find((element) =>
    element.getBoundingClientRect().bottom > below + line);
  return found ? `#${found.id}` : "";
}

function takePalette(lang) {
  if (typeof __md_get !== "function" || typeof __md_scope === "undefined") return;
  const palette = __md_get("__palette");
  const here = document.documentElement.lang;
  if (!palette || !lang || lang === here) return;
  // The edition's root ends in its language: /nl/ -> /en/
  const other = new URL(__md_scope.pathname.replace(new RegExp(`${here}/$`), `${lang}/`), __md_scope);
  __md_set("__palette", palette, localStorage, other);
}

document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link) return;
  const url = new URL(link.href);
  url.hash = placeInView();
  link.href = url.href;
  takePalette(link.hreflang);
});

// Footnote popovers (Material's content.footnote.tooltips) open on hover and on keyboard
// focus; two things are ours:
// - Esc closes the open popover without moving focus (WCAG 1.4.13: dismissible);
// - on a touch screen the first tap opens the popover instead of jumping to the notes at the
//   end of the page (a second tap on the same number still goes there).
const dismissed = new Set();
function reopenPopovers() {
  dismissed.forEach((tip) => tip.classList.remove("edition-dismissed"));
  dismissed.clear();
}
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".md-tooltip2--active").forEach((tip) => {
    tip.classList.add("edition-dismissed");
    dismissed.add(tip);
  });
});
document.addEventListener("focusin", reopenPopovers);
document.addEventListener("mouseover", (event) => {
  if (event.target.closest && event.target.closest("a.footnote-ref")) reopenPopovers();
});

let lastPointer = "mouse";
document.addEventListener("pointerdown", (event) => { lastPointer = event.pointerType; }, true);
document.addEventListener("click", (event) => {
  const ref = event.target.closest && event.target.closest("a.footnote-ref");
  if (!ref || lastPointer !== "touch") return;
  if (ref.dataset.editionOpened !== "true") {
    event.preventDefault();
    document.querySelectorAll("a.footnote-ref[data-edition-opened]").forEach((other) => {
      delete other.dataset.editionOpened;
    });
    ref.dataset.editionOpened = "true";
    ref.focus();
  }
});

// The search (search.js, with Pagefind) is fetched when the reader first goes to it: the search
// field gets focus, the phone's search button is pressed, or "/" or "s" is typed outside a
// field (the keys Material's own search had). The field gets focus at once, so that no key is
// lost while the module arrives. Arriving from a result (?h=), search-landing.js marks the
// words found.
const here = document.currentScript.src;
// Opened from a file (the offline copy, edition/offline/), browsers refuse modules: the copy
// has each module as a classic script of the same name in offline/.
function loadModule(name) {
  if (window.location.protocol !== "file:") return import(new URL(name, here).href);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(`offline/${name}`, here).href;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}
const searchBox = document.querySelector("[data-edition-search]");
if (searchBox) {
  const field = searchBox.querySelector(".md-search__input");
  field.addEventListener("focus", () => loadModule("search.js"), { once: true });
  const openSearch = () => {
    document.getElementById("__search").checked = true;
    field.focus();
  };
  const opener = document.querySelector(".edition-search-open");
  if (opener) opener.addEventListener("click", openSearch);
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey || !["/", "s", "S"].includes(event.key)) return;
    event.preventDefault();
    openSearch();
  });
}
if (new URLSearchParams(window.location.search).has("h")) loadModule("search-landing.js");
