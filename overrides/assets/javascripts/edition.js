// Keep the paragraph when switching language: the selector's links already lead to the same
// page in the other language (a plain link, working without JavaScript); here the reader's
// anchor (#p-3-4, a heading) goes along.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link && window.location.hash) {
    const url = new URL(link.href);
    url.hash = window.location.hash;
    link.href = url.href;
  }
});
