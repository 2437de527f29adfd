/* Broadsheet search page: reads ?q= (and filters) from the URL, shows results as the reader
   types and keeps the URL in step so results can be linked and Back works. Needs
   search-core.js loaded first. */
(() => {
  const PAGE = 10;
  const TYPING_DELAY = 120;
  const MAX_AUTHOR_OPTIONS = 2000;
  const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

  const rootEl = document.getElementById("search");
  const core = window.BroadsheetSearch;
  if (!rootEl || !core) return;
  const $ = (id) => document.getElementById(id);
  const form = $("search-form");
  const input = $("search-q");
  const source = $("search-source");
  const author = $("search-author");
  const year = $("search-year");
  const status = $("search-status");
  const list = $("search-results");
  const more = $("search-more");
  const siteRoot = rootEl.getAttribute("data-root") || "";
  const engine = core.createEngine(rootEl.getAttribute("data-index") || "index/");

  let seq = 0;
  let timer = 0;
  let current = { ords: [], tokens: [], shown: 0 };

  const readForm = () => ({
    q: input.value.trim(),
    source: source.value,
    author: author.value.trim(),
    year: year.value,
  });

  const queryString = (q) => {
    const params = new URLSearchParams();
    for (const key of ["q", "source", "author", "year"]) if (q[key]) params.set(key, q[key]);
    const s = params.toString();
    return s ? `?${s}` : location.pathname.split("/").pop() || "index.html";
  };

  const fillForm = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    author.value = params.get("author") || "";
    for (const [el, key] of [
      [source, "source"],
      [year, "year"],
    ]) {
      const v = params.get(key) || "";
      if (v && !Array.from(el.options).some((o) => o.value === v)) el.add(new Option(v, v));
      el.value = v;
    }
  };

  const formatDate = (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : "";
  };

  /** Appends [text, matched] parts to el, matched words wrapped in <mark> (text nodes only). */
  const appendParts = (el, parts) => {
    for (const [part, hit] of parts) {
      if (!hit) {
        el.append(part);
        continue;
      }
      const mark = document.createElement("mark");
      mark.textContent = part;
      el.append(mark);
    }
  };

  const appendMarked = (el, text, tokens) => appendParts(el, core.highlight(text, tokens));

  const el = (tag, className, ...children) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };

  const resultItem = (doc, tokens) => {
    const link = el("a", "");
    link.href = siteRoot + doc.path;
    appendMarked(link, doc.title || doc.path, tokens);
    const meta = el("p", "search-result-meta");
    const facts = [];
    if (doc.date) {
      const time = el("time", "", formatDate(doc.date));
      time.dateTime = doc.date;
      facts.push(time);
    }
    if (doc.source) facts.push(el("span", "search-result-source", doc.source));
    if (doc.authors.length) {
      const by = el("span", "search-result-authors", "By ");
      appendMarked(by, doc.authors.join(", "), tokens);
      facts.push(by);
    }
    facts.forEach((f, i) => {
      if (i > 0) meta.append(" · ");
      meta.append(f);
    });
    const snippet = el("p", "search-result-snippet");
    appendParts(snippet, core.snippetParts(doc.snippet, tokens));
    return el("li", "search-result", el("h2", "search-result-title", link), meta, snippet);
  };

  const say = (text) => {
    status.textContent = text;
  };

  const describe = (q, count) => {
    const words = q.q ? ` for “${q.q}”` : "";
    const filters = [q.source, q.author, q.year].filter(Boolean).join(", ");
    const within = filters ? ` in ${filters}` : "";
    if (count === 0) {
      return `No results${words}${within}. Try fewer or shorter words, check the spelling, or remove a filter.`;
    }
    return `${count} ${count === 1 ? "result" : "results"}${words}${within}.`;
  };

  /**
   * Renders the next page of the current hits, each result as soon as it and those above it
   * have arrived; resolves to the first new link.
   */
  const showMore = (mySeq) => {
    const slice = Array.from(current.ords.slice(current.shown, current.shown + PAGE));
    let first = null;
    return engine
      .docs(slice, (doc) => {
        if (mySeq !== seq) return;
        const item = resultItem(doc, current.tokens);
        list.append(item);
        current.shown++;
        first = first || item.querySelector("a");
      })
      .then(() => {
        if (mySeq !== seq) return null;
        more.hidden = current.shown >= current.ords.length;
        return first;
      });
  };

  const run = () => {
    const q = readForm();
    const mySeq = ++seq;
    if (!q.q && !q.source && !q.author && !q.year) {
      list.replaceChildren();
      more.hidden = true;
      current = { ords: [], tokens: [], shown: 0 };
      engine.meta().then((m) => {
        if (mySeq === seq) say(`Type to search ${m.docs} articles.`);
      }, fail);
      return Promise.resolve();
    }
    return engine
      .search(q)
      .then((r) => {
        if (mySeq !== seq) return;
        current = { ords: r.ords, tokens: r.tokens, shown: 0 };
        list.replaceChildren();
        say(describe(q, r.ords.length));
        return showMore(mySeq);
      })
      .catch(fail);
  };

  function fail(err) {
    say(`Search is unavailable: ${err?.message ? err.message : err}`);
  }

  const syncUrl = (push) => {
    const next = queryString(readForm());
    if (next === queryString(Object.fromEntries(new URLSearchParams(location.search)))) return;
    history[push ? "pushState" : "replaceState"](null, "", next);
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      syncUrl(false);
      run();
    }, TYPING_DELAY);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    syncUrl(true);
    run();
  });
  for (const f of [source, author, year]) {
    f.addEventListener("change", () => {
      syncUrl(true);
      run();
    });
  }
  author.addEventListener(
    "focus",
    () => {
      engine.authors().then((all) => {
        const options = all.slice(0, MAX_AUTHOR_OPTIONS).map(([, label]) => new Option(label));
        $("search-authors").replaceChildren(...options);
      }, fail);
    },
    { once: true },
  );
  more.addEventListener("click", () => {
    showMore(seq).then((link) => link?.focus());
  });
  window.addEventListener("popstate", () => {
    fillForm();
    run();
  });

  /** Arrow keys move between the search box and the result links; Escape returns to the box. */
  rootEl.addEventListener("keydown", (e) => {
    const links = Array.from(list.querySelectorAll(".search-result-title a"));
    const at = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && (e.target === input || at >= 0) && links.length) {
      e.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    } else if (e.key === "Escape" && at >= 0) {
      input.focus();
    }
  });

  engine.meta().then((m) => {
    for (const [value, label, count] of m.sources)
      source.add(new Option(`${label} (${count})`, value));
    for (const [value, , count] of m.years) year.add(new Option(`${value} (${count})`, value));
    $("search-filters").hidden = false;
    fillForm();
    run();
  }, fail);
  input.value = new URLSearchParams(location.search).get("q") || "";
  input.focus();
})();
