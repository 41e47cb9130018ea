// Share and cite a paragraph. The build (the Citing step, edition/reader/steps.py) puts everything this script
// shows, the interface strings included, in a JSON data block on the page. Without JavaScript
// the paragraph numbers stay links to themselves and the "Cite" panel shows this page's
// references, with .bib and .ris files to download.
(() => {
  const source = document.getElementById("edition-reader-data");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  const say = (key, values = {}) =>
    data.strings[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  const anchorOf = (number) => "p-" + number.replace(".", "-");

  // One polite live region for every announcement ("Link gekopieerd" / "Link copied").
  const live = document.createElement("div");
  live.className = "edition-visually-hidden";
  live.setAttribute("role", "status");
  document.body.append(live);
  const announce = (text) => {
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 100);
  };

  // Plain text, and beside it the same as HTML where there is markup (the APA reference's title
  // in italics), so that a word processor keeps the italics and a text field gets plain text.
  async function copy(text, markup) {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error("no Clipboard API");
    if (markup && window.ClipboardItem && navigator.clipboard.write) {
      try {
        await navigator.clipboard.write([new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([markup], { type: "text/html" }),
        })]);
        return;
      } catch (error) {
        // a browser that takes plain text only: below
      }
    }
    await navigator.clipboard.writeText(text);
  }

  function selectContents(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // --- Copy a paragraph's link ----------------------------------------------------------------
  // The "link-variant" icon of Material Design Icons (Apache License 2.0), as Material ships it.
  const ICON = "M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54" +
    "a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 " +
    "2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 " +
    "1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49" +
    "c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 " +
    "0-4.24.973.973 0 0 1 0-1.42";

  function linkButton(number) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "edition-copylink";
    button.dataset.number = number;
    button.setAttribute("aria-label", say("copy_link", { n: number }));
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICON);
    svg.append(path);
    button.append(svg);
    return button;
  }

  function showStatus(button, text) {
    button.parentElement.querySelectorAll(".edition-copylink__status").forEach((old) => old.remove());
    const status = document.createElement("span");
    status.className = "edition-copylink__status";
    status.setAttribute("aria-hidden", "true"); // the live region says it
    status.textContent = text;
    button.after(status);
    window.setTimeout(() => status.remove(), 6000); // time to read the address out
  }

  // Without the Clipboard API (or when the browser refuses): the link in a field, selected.
  function showField(button, number, url) {
    let box = button.parentElement.querySelector(".edition-copylink__field");
    if (!box) {
      box = document.createElement("span");
      box.className = "edition-copylink__field";
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "text";
      input.readOnly = true;
      label.append(say("link_field", { n: number }), " ", input);
      box.append(label);
      input.addEventListener("keydown", (event) => {
        if (event.key === "Escape") { box.remove(); button.focus(); }
      });
      input.addEventListener("blur", () => window.setTimeout(() => box.remove(), 200));
      button.after(box);
    }
    const input = box.querySelector("input");
    input.value = url;
    input.focus();
    input.select();
    announce(say("copy_failed"));
  }

  document.querySelectorAll("a.paranum").forEach((number) => {
    number.after(linkButton(number.textContent.trim()));
  });

  // The paragraph's short address (/nl/3.4: the build writes a page there that forwards to it),
  // short enough to read out or write on a whiteboard. From a file:// copy, a folder address
  // opens no page: there the paragraph's own address is the link.
  function paragraphLink(number) {
    const short = new URL(data.edition + number, window.location.href);
    if (short.protocol !== "file:") return short.href;
    const url = new URL(window.location.href);
    url.search = "";
    url.hash = anchorOf(number);
    return url.href;
  }

  document.addEventListener("click", async (event) => {
    const button = event.target.closest && event.target.closest("button.edition-copylink");
    if (!button) return;
    const number = button.dataset.number;
    const link = paragraphLink(number);
    try {
      await copy(link);
      // The address beside the button, to read out or write down; the live region just says it is copied.
      showStatus(button, say("link_copied_address", { url: link.replace(/^https?:\/\//, "") }));
      announce(say("link_copied"));
    } catch (error) {
      showField(button, number, link);
    }
  });

  // --- Cite: this page, one of its paragraphs, or the whole publication -------------------------
  const panel = document.querySelector("details.edition-cite");
  if (!panel || !data.cite) return;
  const texts = {};
  const downloads = {};
  panel.querySelectorAll(".edition-cite__text").forEach((element) => { texts[element.dataset.format] = element; });
  panel.querySelectorAll("a.edition-cite__download").forEach((link) => { downloads[link.dataset.format] = link; });
  let shown = data.cite[data.cite.current].formats;
  const blobs = [];

  const plain = (format) => (format === "apa" ? shown.apa.text : shown[format]);
  const fill = (value, number) => value.split("[[n]]").join(number);
  const kilobytes = (text) => Math.max(1, Math.ceil(new Blob([text]).size / 1024));

  function render(choice) {
    let formats; let files = null; let name = "";
    if (choice.startsWith("p-")) {
      const number = choice.slice(2).replace("-", ".");
      const template = data.cite.paragraph;
      formats = {
        apa: { text: fill(template.formats.apa.text, number), html: fill(template.formats.apa.html, number) },
        intext: fill(template.formats.intext, number),
        bibtex: fill(template.formats.bibtex, number),
        ris: fill(template.formats.ris, number),
      };
      name = fill(template.name, number);
    } else {
      formats = data.cite[choice].formats;
      files = data.cite[choice].files;
    }
    shown = formats;
    texts.apa.innerHTML = formats.apa.html; // our own data, written by the build
    texts.intext.textContent = formats.intext;
    texts.bibtex.querySelector("code").textContent = formats.bibtex;
    texts.ris.querySelector("code").textContent = formats.ris;
    blobs.splice(0).forEach((url) => URL.revokeObjectURL(url));
    Object.entries(downloads).forEach(([format, link]) => {
      const ext = data.extensions[format];
      // RIS asks for CRLF line ends.
      const text = format === "ris" ? formats.ris.replace(/\n/g, "\r\n") : formats[format];
      if (files) {
        link.href = files[format].href;
        link.download = files[format].name;
      } else {
        const url = URL.createObjectURL(new Blob([text], { type: link.type || "text/plain" }));
        blobs.push(url);
        link.href = url;
        link.download = `${name}.${ext}`;
      }
      link.textContent = say("cite_download", { format: data.formats[format], ext, size: kilobytes(text) });
    });
  }

  // Copy buttons, one per format.
  Object.entries(texts).forEach(([format, element]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "edition-cite__copy";
    button.textContent = say("cite_copy", { format: data.formats[format] });
    button.addEventListener("click", async () => {
      try {
        await copy(plain(format), format === "apa" ? shown.apa.html : null);
        announce(say("cite_copied", { format: data.formats[format] }));
        showStatus(button, say("cite_copied", { format: data.formats[format] }));
      } catch (error) {
        selectContents(element);
        announce(say("copy_failed"));
      }
    });
    const actions = document.createElement("p");
    actions.className = "edition-cite__actions";
    actions.append(button);
    element.after(actions);
  });

  // The choice of what to cite, when there is more than one thing.
  const choices = [];
  if (data.cite.chapter) {
    choices.push(["chapter", data.cite.chapter.label]);
    document.querySelectorAll("a.paranum").forEach((number) => {
      const n = number.textContent.trim();
      choices.push([anchorOf(n), say("cite_paragraph", { n })]);
    });
  }
  if (choices.length === 0) return;
  choices.push(["publication", data.cite.publication.label]);
  const what = panel.querySelector(".edition-cite__what");
  const label = document.createElement("label");
  label.className = "edition-cite__what";
  const select = document.createElement("select");
  select.className = "edition-cite__choice";
  choices.forEach(([value, text]) => select.add(new Option(text, value)));
  label.append(say("cite_choose"), " ", select);
  what.replaceWith(label);
  select.addEventListener("change", () => render(select.value));

  // Arriving at (or following) a paragraph's link: that paragraph is the one to cite.
  function followHash() {
    const anchor = window.location.hash.slice(1);
    if (anchor && [...select.options].some((option) => option.value === anchor)) {
      select.value = anchor;
      render(anchor);
    }
  }
  window.addEventListener("hashchange", followHash);
  followHash();
})();
