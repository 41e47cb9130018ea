// The search box in the header (partials/search.html), with Pagefind as the engine: its index of
// this edition (<edition>/pagefind/, made by edition/web/search_index.py: one record per
// numbered paragraph, footnote, source and heading), fetched on first use only. edition.js
// imports this module when the reader first goes to the search.
//
// Results: one per paragraph, grouped by page, each with its number and an excerpt with the hit
// marked; a concept or person first for its own name. A link carries the words found (?h=) so
// that the page marks them (search-landing.js). A query that finds nothing, or finds only
// Pagefind's guesses for a word that is not in the text, is checked against the edition's own
// vocabulary: the closest word is searched instead, and said so.
import { closest, fold, hitWords, known, near, readQuery, resembles } from "./search-text.js";
import { renderFailure, renderResults, say } from "./search-view.js";
import { openIndex, readWords } from "./search-engine.js";

const PAGE_SIZE = 10;
const DELAY_MS = 150;
// Pagefind searches metadata too: the page number, anchor and heading of a record must not add
// to its rank (the text has them), a concept's or person's name must (search_records.py).
const RANKING = { metaWeights: { page: 0, anchor: 0, section: 0, name: 10 } };

const box = document.querySelector("[data-edition-search]");
const input = box.querySelector(".md-search__input");
const status = box.querySelector("#edition-search-status");
const notes = box.querySelector(".edition-search__notes");
const list = box.querySelector(".md-search-result__list");
const more = box.querySelector(".edition-search__more");
const toggle = document.getElementById("__search");
const opener = document.querySelector(".edition-search-open");
const strings = JSON.parse(box.querySelector(".edition-search-strings").textContent);
const root = new URL(box.dataset.root, window.location.href);
const bundle = new URL(box.dataset.bundle, window.location.href);
const contents = new URL(box.dataset.contents, window.location.href);
const view = { status, notes, list, more, strings, contents };

let engine = null;
function load() {
  engine ||= openIndex(bundle, root, { noWorker: true, excerptLength: 24, ranking: RANKING }).catch((error) => {
    engine = null;  // the next query tries again
    throw error;
  });
  return engine;
}

let vocabulary = null;
function loadVocabulary() {
  vocabulary ||= readWords(bundle);
  return vocabulary;
}

// ---- one search ------------------------------------------------------------------------------

let generation = 0;
let current = null;  // { query, results, items, instead }

async function itemsOf(results, pages) {
  const loaded = await Promise.all(results.map((result) => result.data()));
  return loaded.map((data) => {
    const page = pages[Number(data.meta.page)];
    const anchor = data.meta.anchor || "";
    const number = /^p-(\d+)-(\d+)$/.exec(anchor);
    const note = /^fn:(\d+)$/.exec(anchor);
    const words = hitWords(data);
    const url = new URL(page.url, root);
    if (words.length) url.searchParams.set("h", words.join(" "));
    url.hash = anchor;
    return {
      page: page.url, title: page.title, url: url.href, excerpt: data.excerpt, words, name: data.meta.name || "",
      where: number ? `${strings.search_paragraph} ${number[1]}.${number[2]}`
        : note ? say(strings, "search_footnote", { n: note[1] }) : data.meta.section || "",
    };
  });
}

// Each query word found by Pagefind itself in the results shown (not one of its guesses), or at
// least a word near it.
function found(terms, items, like) {
  const words = items.flatMap((item) => item.words);
  return terms.every((term) => words.some((word) => like(term, word)));
}

async function correction(terms) {
  const words = await loadVocabulary();
  const corrected = terms.map((term) => (known(term, words) ? term : closest(term, words) || term));
  return corrected.some((word, i) => word !== terms[i]) ? corrected : null;
}

async function search(raw) {
  const mine = ++generation;
  const { pagefind, pages, stopWords } = await load();
  const query = readQuery(raw, stopWords);
  if (query.empty || query.onlyCommon) {
    show(mine, { raw, query, results: [], items: [] });
    return;
  }
  let results = (await pagefind.search(query.text)).results.filter((r) => r.score > 0);
  let items = await itemsOf(results.slice(0, PAGE_SIZE), pages);
  let instead = null;
  if (mine !== generation) return;
  if (!items.length || !found(query.terms, items, resembles)) {
    const corrected = await correction(query.terms);
    const other = corrected ? (await pagefind.search(corrected.join(" "))).results.filter((r) => r.score > 0) : [];
    if (other.length) {
      results = other;
      items = await itemsOf(other.slice(0, PAGE_SIZE), pages);
      instead = corrected.join(" ");
    } else if (!found(query.terms, items, near)) {
      results = [];  // only Pagefind's guesses ("awareness" finds the "A" of "A to Z")
      items = [];
    }
  }
  show(mine, { raw, query, results, items: nameFirst(items, instead || query.text), instead });
}

// A concept or person whose name is the query comes first.
function nameFirst(items, text) {
  const wanted = fold(text.replace(/"/g, "").trim());
  const named = items.filter((item) => item.name && fold(item.name) === wanted);
  return named.concat(items.filter((item) => !named.includes(item)));
}

async function showMore() {
  const { pages } = await load();
  const shown = current.items.length;
  const next = await itemsOf(current.results.slice(shown, shown + PAGE_SIZE), pages);
  current.items = current.items.concat(next);
  render();
  const first = next[0] && list.querySelector(`a[href="${CSS.escape(next[0].url)}"]`);
  if (first) first.focus();
}

// ---- what the reader sees ----------------------------------------------------------------------

function render() {
  renderResults(view, current, retry);
}

function show(mine, state) {
  if (mine !== generation) return;
  current = state;
  render();
  box.dataset.searched = state.raw;  // what is shown is for this input (the tests wait for it)
}

function retry(text) {
  input.value = text;
  input.focus();
  schedule();
}

// ---- opening, closing and the keyboard ----------------------------------------------------------

function setOpen(open) {
  toggle.checked = open;
  if (opener) opener.setAttribute("aria-expanded", String(open));
}

function close() {
  setOpen(false);
  if (opener && getComputedStyle(opener).display !== "none") opener.focus();
  else input.blur();
}

let timer = null;
let pending = Promise.resolve();
function run() {
  clearTimeout(timer);
  timer = null;
  const raw = input.value;
  pending = search(raw).catch((error) => {
    console.warn("search:", error);
    renderFailure(view);
    box.dataset.searched = raw;
  });
  return pending;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, DELAY_MS);
}

// Enter opens the first result, of the query as typed (also when the reader was quicker).
async function openFirst() {
  await (timer ? run() : pending);
  const first = list.querySelector("a");
  if (first) window.location.assign(first.href);
}

function focusables() {
  return [input, ...list.querySelectorAll("a"), ...(more.hidden ? [] : [more])];
}

function move(step) {
  const all = focusables();
  const at = all.indexOf(document.activeElement);
  const next = all[Math.min(Math.max(at + step, 0), all.length - 1)];
  if (next) next.focus();
}

input.addEventListener("focus", () => { setOpen(true); load().catch(() => {}); });
input.addEventListener("input", schedule);
box.querySelector("form").addEventListener("submit", (event) => event.preventDefault());
box.querySelector("form").addEventListener("reset", () => window.setTimeout(() => { schedule(); input.focus(); }, 0));
box.querySelector(".edition-search-close").addEventListener("click", close);
toggle.addEventListener("change", () => setOpen(toggle.checked));
more.addEventListener("click", () => showMore());
box.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    event.preventDefault();
    close();
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    move(event.key === "ArrowDown" ? 1 : -1);
  } else if (event.key === "Enter" && event.target === input) {
    event.preventDefault();
    openFirst();
  }
});
box.addEventListener("focusout", (event) => {
  if (!box.contains(event.relatedTarget) && event.relatedTarget !== null) setOpen(false);
});
// The reader is already in the field (edition.js imported this module on that focus).
if (document.activeElement === input) {
  setOpen(true);
  load().catch(() => {});
}
if (input.value) schedule();
