// The projector view (edition/projector/). Without this script the slides work by their links
// (each a #s3 address that CSS :target shows). With it: the keys of a keyboard and of a
// presentation clicker (which sends PageDown and PageUp), and a light/dark button. The address
// follows the slide (replaced, not added, so Back leaves the deck rather than each slide).
(() => {
  const slides = [...document.querySelectorAll(".deck > .slide")];
  if (!slides.length) return;

  const current = () => Math.max(0, slides.findIndex((slide) => `#${slide.id}` === window.location.hash));
  const go = (index) => {
    const slide = slides[Math.max(0, Math.min(slides.length - 1, index))];
    if (`#${slide.id}` === window.location.hash) return;
    window.location.replace(`#${slide.id}`);
    keepSlide();  // now: hashchange comes as a later task, and a click may come before it
  };
  const steps = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };

  // The other language's deck has the same slides: its link opens the one on screen.
  const keepSlide = () => document.querySelectorAll("a[data-keep-slide]").forEach((link) => {
    link.hash = window.location.hash;
  });
  window.addEventListener("hashchange", keepSlide);
  keepSlide();

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    // Space and Enter on a button or link are theirs.
    if ((event.key === " " || event.key === "Enter") && event.target.closest("a, button")) return;
    if (event.key === "Home") go(0);
    else if (event.key === "End") go(slides.length - 1);
    else if (event.key === " ") go(current() + (event.shiftKey ? -1 : 1));
    else if (event.key in steps && !event.shiftKey) go(current() + steps[event.key]);
    else return;
    event.preventDefault();
  });

  // Light or dark: the system's choice first; the button overrides it for this visit.
  const button = document.querySelector(".deck-scheme");
  const root = document.documentElement;
  const dark = () => root.classList.contains("scheme-dark")
    || (!root.classList.contains("scheme-light") && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const show = () => button.setAttribute("aria-pressed", String(dark()));
  if (button) {
    button.hidden = false;
    show();
    button.addEventListener("click", () => {
      const toDark = !dark();
      root.classList.toggle("scheme-dark", toDark);
      root.classList.toggle("scheme-light", !toDark);
      show();
    });
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", show);
  }
})();
