// The search engine of the offline copy (edition/offline/), in the place of Pagefind's
// (overrides/assets/javascripts/search-engine.js: the same two exports), which cannot run from a
// file. lunr (with lunr-languages' stemmer for Dutch) indexes the same records as Pagefind, one
// per numbered paragraph, footnote, source and heading, read from search-data.js (a classic
// script: browsers refuse fetch() from a file). The results have the shape of Pagefind's that
// search.js reads: a score, and data() with meta, excerpt, content and the hits' word positions.
import { fold } from "./search-text.js";

const HERE = document.currentScript.src;
const EXCERPT_WORDS = 24;
// The whole word, stemmed, counts more than a word that merely starts with it (typing).
const WHOLE_WORD_BOOST = 10;
const NAME_BOOST = 10;

function script(url) {
  return new Promise((resolve, reject) => {
    const element = document.createElement("script");
    element.src = url;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`${url} did not load`));
    document.head.append(element);
  });
}

function escape(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function indexOf(data) {
  const language = lunr[data.lang];  // lunr-languages' plugin (Dutch); English is lunr's own
  let pipeline = null;
  const index = lunr(function build() {
    if (language) this.use(language);
    this.ref("id");
    this.field("text");
    this.field("name", { boost: NAME_BOOST });
    data.records.forEach(([, , , name, text], id) => this.add({ id: String(id), text: fold(text), name: fold(name) }));
    pipeline = this.pipeline;
  });
  // A word of a record as the index has it (folded, trimmed, stemmed), to find the hits in it.
  const token = (word) => pipeline.run(lunr.tokenizer(fold(word))).map(String)[0] || "";
  return { index, token };
}

function matches(index, term) {
  const found = new Map();
  const clauses = (query) => {
    query.term(term, { usePipeline: true, boost: WHOLE_WORD_BOOST });
    query.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
  };
  for (const result of index.query(clauses)) {
    found.set(result.ref, { score: result.score, terms: Object.keys(result.matchData.metadata) });
  }
  return found;
}

// Every query word in the record (lunr alone would take any one of them), scores added up.
function search(engine, data, text) {
  const phrase = /^".+"$/.test(text) ? fold(text.slice(1, -1)) : null;
  const terms = lunr.tokenizer(fold(text.replace(/"/g, " "))).map(String)
    .filter((term) => engine.token(term));  // not a word the stemmer's stop list drops
  if (!terms.length) return [];
  let hits = null;
  for (const term of terms) {
    const found = matches(engine.index, term);
    if (hits === null) {
      hits = found;
      continue;
    }
    const both = new Map();
    for (const [ref, hit] of hits) {
      const other = found.get(ref);
      if (other) both.set(ref, { score: hit.score + other.score, terms: hit.terms.concat(other.terms) });
    }
    hits = both;
  }
  return [...hits.entries()]
    .filter(([ref]) => !phrase || fold(data.records[Number(ref)][4]).includes(phrase))
    .sort((a, b) => b[1].score - a[1].score || Number(a[0]) - Number(b[0]))
    .map(([ref, hit]) => ({ score: hit.score, data: async () => result(engine, data.records[Number(ref)], hit.terms) }));
}

// What Pagefind gives for a result: the metadata, the text with the positions of the words
// found, and an excerpt around the first of them with the words marked.
function result(engine, [page, anchor, section, name, text], terms) {
  const found = new Set(terms);
  const words = text.split(/\s+/).filter(Boolean);
  const locations = [];
  words.forEach((word, at) => {
    const token = engine.token(word);
    if (found.has(token)) locations.push(at);
  });
  const start = Math.max(0, Math.min((locations[0] || 0) - Math.floor(EXCERPT_WORDS / 3), words.length - EXCERPT_WORDS));
  const shown = new Set(locations);
  const excerpt = words.slice(start, start + EXCERPT_WORDS)
    .map((word, at) => (shown.has(start + at) ? `<mark>${escape(word)}</mark>` : escape(word))).join(" ");
  return { meta: { page: String(page), anchor, section, name }, content: words.join(" "), locations, excerpt };
}

let loaded = null;
function loadData() {
  loaded ||= script(new URL("search-data.js", HERE).href).then(() => window.editionSearchData);
  return loaded;
}

export async function openIndex() {
  const data = await loadData();
  const engine = indexOf(data);
  const pagefind = { search: async (text) => ({ results: search(engine, data, text) }) };
  return { pagefind, pages: data.pages, stopWords: new Set(data.stopWords) };
}

export async function readWords() {
  return (await loadData()).words;
}
