// Search with Pagefind's index (built with the site, served by the site itself).
// Progressive enhancement: without JavaScript the page points at the archives.
const form = document.querySelector("[data-search-form]");
const input = form && form.querySelector("input[name=q]");
const status = document.querySelector("[data-search-status]");
const list = document.querySelector("[data-search-results]");
const fallback = document.querySelector("[data-search-fallback]");

const plural = (n, one, many) => `${n}\u00a0${n > 1 ? many : one}`;

async function start() {
  if (!form || !input || !list) return;
  let pagefind;
  try {
    const bundle = new URL(document.querySelector("script[data-pagefind]").dataset.pagefind, location.href);
    pagefind = await import(bundle.href);
    await pagefind.options({ excerptLength: 24 });
    // A large site is indexed in several bundles, listed next to the first one: each is
    // searched and the results are ranked together.
    const listed = await fetch(new URL("bundles.json", bundle))
      .then((answer) => (answer.ok ? answer.json() : { bundles: [] }))
      .catch(() => ({ bundles: [] }));
    for (const other of listed.bundles || []) {
      await pagefind.mergeIndex(new URL(`../${other}`, bundle).pathname, { excerptLength: 24 });
    }
  } catch (error) {
    status.textContent = "La recherche est indisponible pour le moment.";
    return;
  }
  if (fallback) fallback.hidden = true;

  async function run(query) {
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    status.textContent = results.length
      ? `${plural(search.results.length, "résultat", "résultats")} pour «\u00a0${query}\u00a0»`
      : `Aucun résultat pour «\u00a0${query}\u00a0». Essayez un autre mot, ou parcourez les archives.`;
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title || result.url;
      const excerpt = document.createElement("p");
      // Pagefind's excerpt is the page's own text with <mark> around the matches.
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      list.append(item);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  });
  const initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;
  run(initial);
}

start();
