// What the search box shows (search.js decides what; this builds it): the count in the polite
// status line, notes (a long query cut, a suggestion, each word on its own, the way to the
// contents), and the results, grouped by page, each with its paragraph number or heading and an
// excerpt with the hit marked. The reader's own text is only ever set as text.
import { byPage } from "./search-text.js";

export function say(strings, key, values = {}) {
  return strings[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

function button(text, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "edition-search__word";
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

function paragraph(text, ...children) {
  const element = document.createElement("p");
  element.textContent = text;
  children.forEach((child) => element.append(" ", child));
  return element;
}

function browseLink(view) {
  const link = document.createElement("a");
  link.href = view.contents.href;
  link.textContent = view.strings.search_browse;
  return link;
}

export function renderFailure(view) {
  view.status.textContent = view.strings.search_failed;
  view.notes.replaceChildren(paragraph("", browseLink(view)));
  view.list.replaceChildren();
  view.more.hidden = true;
}

export function renderResults(view, state, retry) {
  const { status, notes, list, more, strings } = view;
  const { query, results, items, instead } = state;
  const text = (key, values) => say(strings, key, values);
  notes.replaceChildren();
  list.replaceChildren();
  more.hidden = items.length >= results.length;
  if (query.empty) {
    status.textContent = strings.search_hint;
    return;
  }
  if (query.truncated) notes.append(paragraph(text("search_too_long", { n: query.terms.length })));
  if (query.onlyCommon) {
    status.textContent = strings.search_only_common;
    notes.append(paragraph("", browseLink(view)));
    return;
  }
  const count = results.length;
  if (!count) {
    status.textContent = text("search_none", { query: query.shown });
    if (query.terms.length > 1) {
      notes.append(paragraph(strings.search_each_word, ...query.terms.map((term) => button(term, () => retry(term)))));
    }
    notes.append(paragraph("", browseLink(view)));
    return;
  }
  status.textContent = instead
    ? text("search_instead", { count, suggestion: instead, query: query.shown })
    : text(count === 1 ? "search_results_one" : "search_results_other", { count, query: query.shown });
  if (instead) notes.append(paragraph(strings.search_did_you_mean, button(instead, () => retry(instead))));
  byPage(items).forEach((group, index) => list.append(groupElement(group, index)));
}

function groupElement(group, index) {
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  const title = document.createElement("p");
  title.className = "edition-search__page";
  title.id = `edition-search-page-${index}`;
  title.textContent = group.hits[0].title;
  const hits = document.createElement("ul");
  hits.className = "edition-search__hits";
  hits.setAttribute("aria-labelledby", title.id);
  for (const hit of group.hits) {
    const entry = document.createElement("li");
    const link = document.createElement("a");
    link.className = "md-search-result__link edition-search__hit";
    link.href = hit.url;
    if (hit.where) {
      const where = document.createElement("span");
      where.className = "edition-search__where";
      where.textContent = hit.where;
      link.append(where, " ");
    }
    const excerpt = document.createElement("span");
    excerpt.className = "edition-search__excerpt";
    excerpt.innerHTML = hit.excerpt;  // Pagefind escapes the text and adds only <mark>
    withoutLead(excerpt, hit.where || hit.title);
    link.append(excerpt);
    entry.append(link);
    hits.append(entry);
  }
  item.append(title, hits);
  return item;
}

// A record's text begins with its heading (or a page's with its title), which the result shows
// already: the excerpt leaves it out.
function withoutLead(excerpt, lead) {
  const text = excerpt.textContent;
  if (!lead || !text.startsWith(lead) || text.length <= lead.length + 2) return;
  let left = lead.length + (/^[.:]/.test(text.slice(lead.length)) ? 1 : 0);
  const walker = document.createTreeWalker(excerpt, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    if (left <= 0) break;
    const cut = Math.min(left, node.nodeValue.length);
    node.nodeValue = node.nodeValue.slice(cut);
    left -= cut;
  }
  excerpt.querySelectorAll("mark:empty").forEach((mark) => mark.remove());
  excerpt.normalize();
  const first = excerpt.firstChild;
  if (first && first.nodeType === Node.TEXT_NODE) first.nodeValue = first.nodeValue.trimStart();
}

