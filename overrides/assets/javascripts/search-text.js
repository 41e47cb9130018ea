// What the search does with words, apart from the page (search.js uses it): reading a query as
// a reader types it, telling Pagefind's real matches from its guesses, and finding the closest
// word of the edition's own vocabulary for a typo.

// A query longer than this is cut (and the reader told so): Pagefind wants all its words in a
// paragraph, so a pasted sentence would find nothing anyway.
export const MAX_TERMS = 10;
export const MAX_LENGTH = 100;

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

// Lower case, without accents: how words are compared (Pagefind compares them so too).
export function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// The query as typed, read into its words: punctuation, HTML and regex characters are not
// words and are left out; so are the stop words of the edition's language (search.json),
// unless they are all there is. A quoted phrase stays a phrase (Pagefind's exact search).
export function readQuery(raw, stopWords) {
  const full = String(raw || "").trim();
  const text = full.slice(0, MAX_LENGTH);
  const words = text.match(WORD) || [];
  const truncated = words.length > MAX_TERMS || full.length > MAX_LENGTH;
  const kept = words.slice(0, MAX_TERMS);
  const meaningful = kept.filter((word) => !stopWords.has(fold(word)));
  const phrase = /^\s*["“„].+["”]\s*$/.test(text) && kept.length > 1;
  const terms = phrase ? kept : meaningful;
  return {
    shown: text,
    terms,
    text: phrase ? `"${kept.join(" ")}"` : terms.join(" "),
    empty: kept.length === 0,
    onlyCommon: kept.length > 0 && meaningful.length === 0 && !phrase,
    truncated,
  };
}

// The words of a record that Pagefind matched (its content at the hit locations), cleaned of
// the punctuation that sticks to them.
export function hitWords(data) {
  const words = data.content.split(/\s+/);
  const found = new Map();
  for (const location of data.locations) {
    const match = (words[location] || "").match(WORD);
    if (match && !found.has(fold(match[0]))) found.set(fold(match[0]), match[0]);
  }
  return [...found.values()];
}

// Whether Pagefind found a query word itself: a word that starts with it (the reader is still
// typing, or an inflection), or one it starts with that is not much shorter (a stem). When a
// word is in no record, Pagefind shortens it until something matches ("emancipatei" finds
// "E."): that is no match for the reader.
export function resembles(term, word) {
  const a = fold(term);
  const b = fold(word);
  return b.startsWith(a) || (a.startsWith(b) && b.length >= Math.max(4, Math.ceil(a.length * 0.6)));
}

// Whether a word Pagefind matched is at least near a query word: most of it in common (a Dutch
// stem that changes its vowels: "droom", "dromen"), not a letter or two of one of its guesses.
export function near(term, word) {
  const a = fold(term);
  const b = fold(word);
  let common = 0;
  while (common < a.length && a[common] === b[common]) common += 1;
  return common >= Math.max(3, Math.ceil(a.length * 0.6));
}

// Optimal string alignment distance (a swap of two letters counts one), given up above `limit`.
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

// How far a typo may be from the word meant: none in short words (too many neighbours).
function tolerance(word) {
  if (word.length < 5) return 0;
  return word.length < 8 ? 1 : 2;
}

// Whether the edition has the word, or a word that starts with it (typing in progress).
export function known(term, vocabulary) {
  const folded = fold(term);
  return vocabulary.some((word) => fold(word).startsWith(folded));
}

// The vocabulary's word closest to a query word (the most frequent of equals), or null.
export function closest(term, vocabulary) {
  const folded = fold(term);
  const limit = tolerance(folded);
  let best = null;
  let bestDistance = limit + 1;
  for (const word of vocabulary) {
    const d = distance(folded, fold(word), Math.min(limit, bestDistance - 1));
    if (d < bestDistance) {
      best = word;
      bestDistance = d;
      if (d === 1) break;  // the vocabulary is ordered by frequency: the first near word wins
    }
  }
  return best;
}

// Results of the same page together, the pages in the order of their best result.
export function byPage(items) {
  const groups = new Map();
  for (const item of items) {
    if (!groups.has(item.page)) groups.set(item.page, []);
    groups.get(item.page).push(item);
  }
  return [...groups.entries()].map(([page, hits]) => ({ page, hits }));
}
