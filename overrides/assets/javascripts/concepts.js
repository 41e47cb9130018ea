// The definition of a concept in a popover, on the links the build marked (a.concept-link).
//
// Each link's aria-describedby already points at the definition (a hidden element the build
// put at the end of the article), so screen readers read it with the link without this
// script; the popover shows the same text to the eye and is hidden from assistive technology.
// - mouse: pointing at the link shows it; the pointer may move onto the popover (WCAG 1.4.13)
// - keyboard: focus shows it, Esc closes it (and it stays closed until the next focus or hover)
// - touch: the first tap shows it, with a hint; a second tap on the same link opens the page
// On the concept map (begrippen/kaart/) the concepts related to the one shown are marked too.
(() => {
  const definitions = document.querySelector(".concept-definitions");
  if (!definitions) return;
  const popover = document.createElement("div");
  popover.className = "concept-popover";
  popover.setAttribute("aria-hidden", "true");
  popover.hidden = true;
  document.body.append(popover);

  let current = null; // the link whose definition is shown
  let armed = null; // touch: the link whose first tap showed the popover
  let lastPointer = "mouse";
  let hideTimer = 0;

  function show(link, withHint) {
    const definition = document.getElementById(link.getAttribute("aria-describedby"));
    if (!definition) return;
    clearTimeout(hideTimer);
    const term = document.createElement("span");
    term.className = "concept-popover__term";
    term.textContent = definition.dataset.term;
    const text = document.createElement("span");
    text.textContent = definition.textContent;
    popover.replaceChildren(term, text);
    if (withHint) {
      const hint = document.createElement("span");
      hint.className = "concept-popover__hint";
      hint.textContent = definitions.dataset.touchHint;
      popover.append(hint);
    }
    popover.lang = definition.closest("[lang]") ? definition.closest("[lang]").lang : document.documentElement.lang;
    popover.hidden = false;
    current = link;
    place(link);
    mark(link);
  }

  // The concept map: the concept shown and the concepts related to it (data-related).
  function mark(link) {
    document.querySelectorAll(".concept-map .is-related, .concept-map .is-current")
      .forEach((node) => node.classList.remove("is-related", "is-current"));
    if (!link || !link.classList.contains("concept-map__node")) return;
    link.classList.add("is-current");
    const related = new Set((link.dataset.related || "").split(" "));
    document.querySelectorAll(".concept-map__node").forEach((node) => {
      if (related.has(node.dataset.node)) node.classList.add("is-related");
    });
  }

  function place(link) {
    // Under the link (above it when there is no room below), inside the viewport's width.
    const box = link.getClientRects()[0] || link.getBoundingClientRect();
    const width = popover.offsetWidth;
    const height = popover.offsetHeight;
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    const below = box.bottom + 6 + height <= window.innerHeight || box.top - 6 - height < 0;
    const top = below ? box.bottom + 6 : box.top - 6 - height;
    popover.style.left = `${left + window.scrollX}px`;
    popover.style.top = `${top + window.scrollY}px`;
  }

  function hide() {
    clearTimeout(hideTimer);
    popover.hidden = true;
    current = null;
    armed = null;
    mark(null);
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  const conceptLink = (target) => target.closest && target.closest("a.concept-link");

  document.addEventListener("pointerdown", (event) => { lastPointer = event.pointerType; }, true);
  document.addEventListener("keydown", (event) => {
    lastPointer = "keyboard";
    if (event.key === "Escape" && !popover.hidden) hide();
  });

  document.addEventListener("mouseover", (event) => {
    if (lastPointer === "touch") return; // a tap's emulated mouse events: the click decides
    const link = conceptLink(event.target);
    if (link) show(link, false);
    else if (popover.contains(event.target)) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", (event) => {
    if (lastPointer === "touch") return;
    if (conceptLink(event.target) || popover.contains(event.target)) hideSoon();
  });

  document.addEventListener("focusin", (event) => {
    const link = conceptLink(event.target);
    if (link && lastPointer !== "touch") show(link, false);
  });
  document.addEventListener("focusout", (event) => {
    if (conceptLink(event.target) && lastPointer !== "touch") hide();
  });

  document.addEventListener("click", (event) => {
    const link = conceptLink(event.target);
    if (lastPointer !== "touch" && lastPointer !== "pen") return;
    if (link && armed !== link) {
      event.preventDefault();
      show(link, true);
      armed = link;
    } else if (!link && !popover.contains(event.target)) {
      hide();
    }
  });

  window.addEventListener("resize", () => { if (current) place(current); });
})();
