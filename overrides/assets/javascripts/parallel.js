// The side-by-side view (edition/parallel/). Two things need a script; without it the links
// still lead to the other page, at its top:
// - the links between a chapter and its view take the reader's place along (the paragraph
//   numbers are the same on both pages): the paragraph at the top of the screen, or, when the
//   reader is above the text (at the links under the title), the paragraph the address leads to;
// - on a chapter, each paragraph gets a link to its row in the view, beside its copy-link button.
(() => {
  // The numbered block (or, in the view, the row) at the top of the screen: the first that
  // reaches past a line a little below the header (a block whose last line peeks out under the
  // header is read already; a paragraph a link brought into view lies just below the header).
  // None while the reader is still above the first block.
  function paragraphInView() {
    const header = document.querySelector(".md-header");
    const top = header ? header.getBoundingClientRect().bottom : 0;
    const blocks = [...document.querySelectorAll("article [id^='p-']")];
    const index = blocks.findIndex((block) => block.getBoundingClientRect().bottom > top + 40);
    if (index < 0 || (index === 0 && blocks[0].getBoundingClientRect().top >= top)) return null;
    return blocks[index];
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[data-edition-keep-place]");
    if (!link) return;
    const target = /^#p-\d+-\d+$/.test(window.location.hash) ? window.location.hash.slice(1) : "";
    const block = paragraphInView();
    const url = new URL(link.href);
    url.hash = block ? block.id : target;
    link.href = url.href;
  });

  const view = document.querySelector("a.edition-parallel__link");
  if (!view) return;
  const label = view.dataset.paragraphLabel;
  const icon = view.querySelector("svg");
  document.querySelectorAll("article a.paranum").forEach((number) => {
    const block = number.closest("[id^='p-']");
    if (!block) return;
    const name = label.replace("{n}", number.textContent.trim());
    const link = document.createElement("a");
    link.className = "edition-parallel-row";
    link.href = `${view.getAttribute("href")}#${block.id}`;
    link.setAttribute("aria-label", name);
    link.title = name;
    if (icon) link.append(icon.cloneNode(true));
    const copy = number.nextElementSibling;
    (copy && copy.matches("button.edition-copylink") ? copy : number).after(link);
  });
})();
