// Dev server only (`make serve`): this page's proofreading findings, shown in place.
// Served at /__relecture.js by plugins/devserver/server.py, never part of the built site.
//
// The findings name places in the Markdown source; the page shows rendered HTML, with
// French typography and without markup. So each finding's offending text is looked for
// word by word (letters and digits only) in the text of the page's main content, and
// among several occurrences the one whose neighbouring words match the source's is
// taken. A finding not found (in a summary, say) is listed all the same.
(() => {
  "use strict";

  const DATA_URL = "/__relecture.json?page=";
  const STYLE_URL = "/__relecture.css";
  const OPEN_KEY = "relecture-ouvert"; // the panel stays open across live reloads
  // Not searched: navigation, page footers, comments, code, and this preview itself.
  const SKIPPED =
    "nav, footer, script, style, template, code, pre, kbd, samp, textarea, svg, math, " +
    "[data-pagefind-ignore], [hidden], .relecture";
  // Elements whose start or end separates words, and those that separate them anywhere.
  const BLOCKS =
    "address, article, aside, blockquote, dd, details, div, dl, dt, figcaption, figure, " +
    "h1, h2, h3, h4, h5, h6, header, li, main, ol, p, section, summary, table, td, th, tr, ul";
  const BREAKS = "br, hr, img";
  const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
  const CONTEXT_WORDS = 4;
  const NBSP = "\u00a0";
  // Where the panel covers most of the screen (as in relecture.css): it closes to show a mark.
  const NARROW = "(max-width: 40em)";

  const plural = (count, word) => `${count}${NBSP}${word}${count > 1 ? "s" : ""}`;
  const quoted = (text) => `«${NBSP}${text}${NBSP}»`;
  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

  // The words of a text, lower case, one space apart; map[i] is where the i-th character
  // was in the text (separators: where their run began).
  function skeleton(text) {
    let out = "";
    const map = [];
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (WORD_CHAR.test(char)) {
        const lower = char.toLowerCase();
        out += lower.length === 1 ? lower : char;
        map.push(i);
      } else if (out && out[out.length - 1] !== " ") {
        out += " ";
        map.push(i);
      }
    }
    return { text: out, map };
  }

  const words = (text) => skeleton(text).text.split(" ").filter(Boolean);

  // The text nodes of the content, and their text joined with a separator between blocks.
  function pageText(root) {
    const nodes = [];
    let text = "";
    let block = null;
    const walker = document.createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      {
        acceptNode: (node) =>
          node.nodeType === Node.ELEMENT_NODE && node.matches(SKIPPED)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      }
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const around = node.parentElement.closest(BLOCKS);
        if (around !== block) text += "\n"; // a block began or ended
        block = around;
        nodes.push({ node, start: text.length, end: text.length + node.data.length });
        text += node.data;
      } else if (node.matches(BREAKS)) {
        text += "\n";
      }
    }
    return { nodes, text };
  }

  // Each occurrence of the words of `span` in the page: [at, after) in its skeleton.
  function occurrences(page, span) {
    const needle = skeleton(span).text.trim();
    const found = [];
    if (!needle) return found;
    const haystack = page.skeleton.text;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const after = at + needle.length;
      const whole =
        (at === 0 || haystack[at - 1] === " ") &&
        (after === haystack.length || haystack[after] === " ");
      if (whole) found.push({ at, after });
    }
    return found;
  }

  // How well the words around an occurrence match those around the source's text: two
  // points for a word at its place (nearest first), one for a word near it (markup such
  // as a link's address adds words to the source).
  function score(page, match, wanted) {
    const haystack = page.skeleton.text;
    const before = haystack.slice(Math.max(0, match.at - 200), match.at).split(" ").filter(Boolean);
    const after = haystack.slice(match.after, match.after + 200).split(" ").filter(Boolean);
    const side = (found, words) =>
      words.reduce((points, word, i) => {
        if (found[i] === word) return points + 2;
        return points + (found.slice(0, CONTEXT_WORDS + 2).includes(word) ? 1 : 0);
      }, 0);
    return side(before.reverse(), wanted.before) + side(after, wanted.after);
  }

  // Where each finding is, as a [start, end) range of the page text (a finding without
  // one is not in the page: a summary, an image's alternative text...). The surest first:
  // each finding takes the occurrence whose neighbours best match its own, and two
  // findings of the same word (the same mistake twice) take two occurrences.
  function locate(page, findings) {
    const candidates = [];
    findings.forEach((finding, index) => {
      const wanted = {
        before: words(finding.before).slice(-CONTEXT_WORDS).reverse(),
        after: words(finding.after).slice(0, CONTEXT_WORDS),
      };
      const alone = !wanted.before.length && !wanted.after.length;
      for (const match of occurrences(page, finding.span)) {
        const points = score(page, match, wanted);
        if (points > 0 || alone) candidates.push({ finding, match, points, index });
      }
    });
    candidates.sort((a, b) => b.points - a.points || a.index - b.index || a.match.at - b.match.at);
    const ranges = new Map();
    const taken = new Set();
    const map = page.skeleton.map;
    for (const { finding, match } of candidates) {
      const key = `${match.at}:${match.after}`;
      if (ranges.has(finding) || taken.has(key)) continue;
      taken.add(key);
      ranges.set(finding, { start: map[match.at], end: map[match.after - 1] + 1 });
    }
    return ranges;
  }

  // Wrap [start, end) of the page text in one <mark> per text node it crosses.
  function wrap(page, range, finding) {
    const marks = [];
    // Last node first: splitting a text node keeps its beginning, so earlier offsets hold.
    for (const entry of [...page.nodes].reverse()) {
      if (entry.end <= range.start || entry.start >= range.end) continue;
      const dom = document.createRange();
      dom.setStart(entry.node, Math.max(range.start, entry.start) - entry.start);
      dom.setEnd(entry.node, Math.min(range.end, entry.end) - entry.start);
      const mark = document.createElement("mark");
      mark.className = finding.baseline ? "relecture-marque relecture-connue" : "relecture-marque";
      mark.title = `${capitalised(finding.label)}${NBSP}: ${finding.message}`;
      dom.surroundContents(mark);
      marks.unshift(mark);
    }
    return marks;
  }

  function markAll(findings) {
    const root = document.querySelector("main") || document.body;
    const page = pageText(root);
    page.skeleton = skeleton(page.text);
    const placed = [...locate(page, findings)].map(([finding, range]) => ({ finding, range }));
    // Last in the page first (see wrap); a finding inside another's mark points to it.
    placed.sort((a, b) => b.range.start - a.range.start);
    const wrapped = [];
    for (const item of placed) {
      const overlapping = wrapped.find(
        (other) => item.range.start < other.range.end && other.range.start < item.range.end
      );
      if (overlapping) {
        item.shares = overlapping;
        continue;
      }
      item.marks = wrap(page, item.range, item.finding);
      wrapped.push(item);
    }
    const marks = new Map();
    for (const item of placed) {
      const first = (item.shares || item).marks[0];
      if (first) marks.set(item.finding, first);
    }
    return marks;
  }

  // Open the <details> around a node, so that it can be seen and focused.
  function reveal(node) {
    for (let d = node.parentElement.closest("details"); d; d = d.parentElement.closest("details")) {
      d.open = true;
    }
  }

  function element(tag, properties = {}, children = []) {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  }

  function entry(finding, mark, index, controls) {
    const id = `relecture-remarque-${index}`;
    const item = element("li", { className: "relecture-remarque" });
    item.append(
      element("p", {}, [
        element("strong", { textContent: capitalised(finding.label) }),
        `${NBSP}: ${finding.message}`,
      ])
    );
    const suggestions = finding.autofix ? [] : finding.suggestions.filter((s) => s.trim());
    if (suggestions.length) {
      const label = suggestions.length > 1 ? "Suggestions" : "Suggestion";
      const listed = suggestions.slice(0, 3).map((s) => quoted(s.trim())).join(", ");
      item.append(element("p", { textContent: `${label}${NBSP}: ${listed}` }));
    }
    const where = element("p", { className: "relecture-lieu" });
    if (mark) {
      if (!mark.id) mark.id = id;
      mark.tabIndex = -1;
      const link = element("a", { href: `#${mark.id}`, textContent: finding.where });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        if (matchMedia(NARROW).matches) controls.close();
        reveal(mark);
        mark.scrollIntoView({ block: "center" });
        mark.focus({ preventScroll: true });
      });
      mark.addEventListener("click", () => {
        controls.open();
        reveal(link);
        link.focus();
      });
      where.append(link);
    } else {
      where.append(element("code", { textContent: finding.where }));
      if (!finding.autofix) {
        const absent = " (pas repéré dans la page)";
        where.append(element("span", { className: "relecture-absent", textContent: absent }));
      }
    }
    item.append(where);
    return item;
  }

  function apart(summary, findings, marks, start, controls) {
    const list = element("ol", { className: "relecture-liste" });
    findings.forEach((f, i) => list.append(entry(f, marks.get(f), start + i, controls)));
    return element("details", { className: "relecture-apart" }, [
      element("summary", { textContent: summary }),
      list,
    ]);
  }

  function show(data) {
    if (!data || !data.proofread) return;
    const findings = data.findings;
    const blocking = findings.filter((f) => !f.autofix && !f.baseline);
    const known = findings.filter((f) => f.baseline);
    const autofix = findings.filter((f) => f.autofix);
    if (!blocking.length && !known.length) return; // typography fixed at render time only
    const marks = markAll([...blocking, ...known]);
    const count = blocking.length
      ? plural(blocking.length, "remarque")
      : plural(known.length, "faute connue");

    const aside = element("aside", { className: "relecture" });
    aside.setAttribute("aria-label", "Relecture (serveur de développement)");
    const button = element("button", {
      type: "button",
      className: "relecture-bouton",
      textContent: count,
    });
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "relecture-panneau");
    const panel = element("div", { id: "relecture-panneau", className: "relecture-panneau" });
    panel.hidden = true;

    function open() {
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      remember(true);
    }
    function close() {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      remember(false);
    }
    const controls = { open, close };
    button.addEventListener("click", () => (panel.hidden ? open() : close()));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !panel.hidden) {
        close();
        button.focus();
      }
    });

    const closing = element("button", {
      type: "button",
      className: "relecture-fermer",
      textContent: "Fermer",
    });
    closing.addEventListener("click", () => {
      close();
      button.focus();
    });
    panel.append(
      element("div", { className: "relecture-entete" }, [
        element("h2", { textContent: `Relecture${NBSP}: ${count}` }),
        closing,
      ])
    );
    let index = 0;
    if (blocking.length) {
      const list = element("ol", { className: "relecture-liste" });
      blocking.forEach((f) => list.append(entry(f, marks.get(f), index++, controls)));
      panel.append(list);
    }
    if (known.length) {
      const summary = `${plural(known.length, "faute connue")}, à corriger peu à peu`;
      const folded = apart(summary, known, marks, index, controls);
      folded.open = !blocking.length; // then they are what the button counts
      panel.append(folded);
      index += known.length;
    }
    if (autofix.length) {
      const fixed = autofix.length > 1 ? "corrigés" : "corrigé";
      const summary = `${plural(autofix.length, "détail")} de typographie, ${fixed} au rendu`;
      panel.append(apart(summary, autofix, new Map(), index, controls));
    }
    aside.append(button, panel);
    // Early in the tab order: right after the skip link.
    const skip = document.querySelector("body > .skip-link");
    if (skip) skip.after(aside);
    else document.body.prepend(aside);
    if (recalled()) open();
  }

  function remember(isOpen) {
    try {
      if (isOpen) sessionStorage.setItem(OPEN_KEY, "1");
      else sessionStorage.removeItem(OPEN_KEY);
    } catch {
      // storage refused: the panel simply starts closed after a reload
    }
  }

  function recalled() {
    try {
      return sessionStorage.getItem(OPEN_KEY) === "1";
    } catch {
      return false;
    }
  }

  function styled() {
    return new Promise((resolve) => {
      const link = element("link", { rel: "stylesheet", href: STYLE_URL });
      link.addEventListener("load", resolve);
      link.addEventListener("error", resolve);
      document.head.append(link);
    });
  }

  fetch(DATA_URL + encodeURIComponent(location.pathname), { cache: "no-store" })
    .then((answer) => (answer.ok ? answer.json() : null))
    .then((data) => {
      if (!data || !data.proofread || !data.findings.some((f) => !f.autofix)) return null;
      return styled().then(() => show(data));
    })
    .catch(() => {}); // the server stopped: the page stays as it is
})();
