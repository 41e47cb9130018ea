// The engine of the search (search.js): Pagefind's index of this edition (<edition>/pagefind/,
// edition/web/search_index.py) with search.json (the pages' addresses and titles, the stop
// words), and the edition's vocabulary for "did you mean". The offline copy of the site
// (edition/offline/) puts its own module with these two exports in this one's place.

// Pagefind, ready to search, with the pages and stop words: { pagefind, pages, stopWords }.
export async function openIndex(bundle, root, options) {
  const [pagefind, data] = await Promise.all([
    import(new URL("pagefind.js", bundle).href),
    fetch(new URL("search.json", bundle)).then((response) => {
      if (!response.ok) throw new Error(`search.json: ${response.status}`);
      return response.json();
    }),
  ]);
  await pagefind.options({ basePath: bundle.pathname, baseUrl: root.pathname, ...options });
  await pagefind.init();
  return { pagefind, pages: data.pages, stopWords: new Set(data.stopWords) };
}

// The edition's own words, most frequent first (vocabulary.json), fetched only when needed.
export function readWords(bundle) {
  return fetch(new URL("vocabulary.json", bundle)).then((response) => response.json()).then((data) => data.words);
}
