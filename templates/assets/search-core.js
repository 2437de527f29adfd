/* Broadsheet search engine: loads index shards as script files (works over HTTP and from
   file://) and ranks articles. The UI lives in search.js. Folding and tokenizing mirror
   src/render/search/text.ts and the posting format mirrors src/render/search/postings.ts;
   tests keep them equal. A classic script, so it also runs from file:// pages. */
((root) => {
  const SPECIAL_LETTERS = {
    ß: "ss",
    æ: "ae",
    œ: "oe",
    ø: "o",
    ł: "l",
    đ: "d",
    ð: "d",
    þ: "th",
    ı: "i",
  };
  const MAX_TOKEN_LENGTH = 40;
  const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
  const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['\u2019\u02bc](?=[\p{L}\p{N}])/gu;
  const MARKS = /\p{M}+/gu;
  const SPECIAL = /[ßæœøłđðþı]/g;
  const WORD = /[\p{L}\p{N}]+/gu;

  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
  const K1 = 1.2;
  const LEVELS = 15;
  // Title and author matches outrank any body match of the same word: body BM25 tops out at K1 + 1.
  const TITLE_BOOST = 3;
  const AUTHOR_BOOST = 2.5;
  const PREFIX_FACTOR = 0.7;
  // A prefix spanning more shards than this matches whole words only, bounding bytes loaded.
  const MAX_PREFIX_SHARDS = 3;
  const MIN_PREFIX_LENGTH = 2;
  const INDEX_VERSION = 4;
  /** Characters of a result's snippet shown around its first matched word. */
  const WINDOW_CHARS = 280;
  /** Characters of context kept before the first matched word. */
  const WINDOW_LEAD = 70;
  /** Score of each posting value before idf: quantised body BM25 plus title and author boosts. */
  const VALUE_WEIGHT = Float64Array.from(
    { length: 64 },
    (_, v) =>
      ((v >> 2) / LEVELS) * (K1 + 1) + (v & 2 ? TITLE_BOOST : 0) + (v & 1 ? AUTHOR_BOOST : 0),
  );

  /** Case- and diacritic-folds text: `Müller` → `muller`. */
  const foldText = (text) =>
    text
      .replace(INVISIBLE, "")
      .replace(INNER_APOSTROPHE, "")
      .normalize("NFKD")
      .replace(MARKS, "")
      .toLowerCase()
      .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] || c);

  /** Folded search tokens of a text, in order. */
  const tokenize = (text) =>
    (foldText(text).match(WORD) || []).filter((w) => w.length <= MAX_TOKEN_LENGTH);

  /** Filter key of a source, author or year, as the index writes it. */
  const facetKey = (kind, value) => {
    const v = String(value);
    const folded = kind === "author" ? tokenize(v).join(" ") : v.trim().toLowerCase();
    return `!${kind.charAt(0)}:${folded}`;
  };

  /** Reads the variable-length number at `at`; returns it × 2^24 + its end (lists < 16M chars). */
  const readNumber = (text, at) => {
    let i = at;
    let n = 0;
    let scale = 1;
    let d = DIGIT[text.charCodeAt(i++)];
    while (d >= 32) {
      n += (d - 32) * scale;
      scale *= 32;
      d = DIGIT[text.charCodeAt(i++)];
    }
    return (n + d * scale) * 16777216 + i;
  };

  /**
   * Decodes a posting list: segments of one value each, best weight first, ordinals ascending
   * within a segment. Returns { ords (list order), count, segments: [value, start, end][] }.
   */
  const decodeList = (text, docs) => {
    const ords = new Int32Array(Math.min(docs, text.length));
    const segments = [];
    let count = 0;
    let i = 0;
    while (i < text.length) {
      const value = DIGIT[text.charCodeAt(i++)];
      const head = readNumber(text, i);
      i = head % 16777216;
      const end = count + Math.floor(head / 16777216);
      segments.push([value, count, end]);
      // Decoded inline: lists run to 100,000 postings.
      let ord = -1;
      while (count < end) {
        let gap = 0;
        let scale = 1;
        let d = DIGIT[text.charCodeAt(i++)];
        while (d >= 32) {
          gap += (d - 32) * scale;
          scale *= 32;
          d = DIGIT[text.charCodeAt(i++)];
        }
        ord += gap + d * scale;
        ords[count++] = ord;
      }
    }
    return { ords, count, segments };
  };

  /** Calls fn(ord, value) for each posting of an encoded list, in list order; returns the count. */
  const eachPosting = (text, fn) => {
    const { ords, count, segments } = decodeList(text, text.length);
    for (const [value, start, end] of segments)
      for (let k = start; k < end; k++) fn(ords[k], value);
    return count;
  };

  /** Index of the shard whose range holds `term`, by binary search over first terms. */
  const shardOf = (firsts, term) => {
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const unique = (list) => [...new Set(list)];

  const registry = new Map();
  const waiting = new Map();

  /** Called by every index file with its name and data. */
  const register = (name, data) => {
    registry.set(name, data);
    const w = waiting.get(name);
    waiting.delete(name);
    if (w) for (const p of w) p.resolve(data);
  };

  const browserLoadScript = (url, onError) => {
    const s = document.createElement("script");
    s.src = url;
    s.async = true;
    s.onerror = onError;
    document.head.appendChild(s);
  };

  /**
   * A ranked result: `ords` best first (ties in archive order) and their `scores`, as typed
   * arrays because a common word hits every article; `hits` lists { ord, score } on demand.
   * `ranked.scores` may be a function, called once when scores are first read.
   */
  const result = (tokens, ranked) => {
    let scores = ranked.scores;
    return {
      tokens,
      ords: ranked.ords,
      get scores() {
        if (typeof scores === "function") scores = scores();
        return scores;
      },
      get hits() {
        const all = this.scores;
        return Array.from(ranked.ords, (ord, i) => ({ ord, score: all[i] }));
      },
    };
  };

  /**
   * Stable counting sort of `ords` (ascending) into buckets 0 (best) … `buckets - 1`, so ties
   * stay in archive order; `sizes[b]` counts bucket b's hits and `scoreOf(b)` is its score.
   */
  const bucketSort = (ords, count, bucketIds, sizes, scoreOf) => {
    const next = new Int32Array(sizes.length + 1);
    for (let b = 0; b < sizes.length; b++) next[b + 1] = next[b] + sizes[b];
    const ranked = new Int32Array(count);
    const rankedScores = new Float64Array(count);
    for (let b = 0; b < sizes.length; b++) rankedScores.fill(scoreOf(b), next[b], next[b + 1]);
    for (let i = 0; i < count; i++) ranked[next[bucketIds[i]]++] = ords[i];
    return { ords: ranked, scores: rankedScores };
  };

  /**
   * One term's ranking as stored: segments come best weight first with ordinals ascending
   * within, so the list order is the ranking; scores are filled in only when read.
   */
  const rankTerm = (hit) => ({
    ords: hit.ords.subarray(0, hit.count),
    scores: () => {
      const scores = new Float64Array(hit.count);
      for (const [value, start, end] of hit.segments) {
        scores.fill(VALUE_WEIGHT[value] * hit.factor, start, end);
      }
      return scores;
    },
  });

  /** Ordinals (ascending) sorted best first, ties in archive order, by per-ordinal scores. */
  const rank = (ords, count, scores) => {
    // Few distinct scores: find them by a native sort, then counting-sort the hits by them.
    const own = new Float64Array(count);
    for (let i = 0; i < count; i++) own[i] = scores[ords[i]];
    const sorted = own.slice().sort();
    const values = [];
    for (let i = count - 1; i >= 0; i--) {
      if (i === count - 1 || sorted[i] !== sorted[i + 1]) values.push(sorted[i]);
    }
    const bucketIds = new Int32Array(count);
    const sizes = new Int32Array(values.length);
    for (let i = 0; i < count; i++) {
      const s = own[i];
      let lo = 0;
      let hi = values.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (values[mid] > s) lo = mid + 1;
        else hi = mid;
      }
      bucketIds[i] = lo;
      sizes[lo]++;
    }
    return bucketSort(ords, count, bucketIds, sizes, (b) => values[b]);
  };

  /** Per-ordinal scores of a token's hits (0 = absent). */
  const denseScores = (hit, docs) => {
    if (hit.dense) return hit.dense;
    const dense = new Float64Array(docs);
    for (const [value, start, end] of hit.segments) {
      const s = VALUE_WEIGHT[value] * hit.factor;
      for (let k = start; k < end; k++) dense[hit.ords[k]] = s;
    }
    return dense;
  };

  /**
   * AND of all tokens and filters; a hit's score is the sum over tokens, best first. Each token
   * is { ords, count } with either `segments` and `factor` (one term, list order) or `dense`
   * scores per ordinal (0 = absent, ords ascending); each filter a Uint8Array of 0/1.
   */
  const combine = (tokenHits, facetSets, docs) => {
    if (tokenHits.length === 1 && !facetSets.length && tokenHits[0].segments) {
      return rankTerm(tokenHits[0]);
    }
    const kept = new Int32Array(docs);
    let count = 0;
    if (tokenHits.length) {
      tokenHits.sort((x, y) => x.count - y.count);
      const [first, ...restHits] = tokenHits;
      const rest = restHits.map((h) => denseScores(h, docs));
      const firstScores = denseScores(first, docs);
      const total = rest.length ? new Float64Array(docs) : firstScores;
      const ords = first.dense ? first.ords : first.ords.slice(0, first.count).sort();
      next: for (let i = 0; i < first.count; i++) {
        const ord = ords[i];
        let sum = firstScores[ord];
        for (let t = 0; t < rest.length; t++) {
          const o = rest[t][ord];
          if (o === 0) continue next;
          sum += o;
        }
        for (let f = 0; f < facetSets.length; f++) if (facetSets[f][ord] === 0) continue next;
        total[ord] = sum;
        kept[count++] = ord;
      }
      return rank(kept, count, total);
    }
    if (facetSets.length) {
      next: for (let ord = 0; ord < docs; ord++) {
        for (let f = 0; f < facetSets.length; f++) if (facetSets[f][ord] === 0) continue next;
        kept[count++] = ord;
      }
    }
    return { ords: kept.slice(0, count), scores: new Float64Array(count) };
  };

  /**
   * An engine over the index at `base` (URL of search/index/, ending in `/`).
   * `loadScript(url, onError)` runs a script file; the default appends a script tag.
   */
  const createEngine = (base, loadScript) => {
    const load = loadScript || browserLoadScript;
    let requested = 0;
    // Meta is fetched fresh on each page load; it names the build, and every other file is
    // requested with that build's hash, so cached files of an older build are never mixed in.
    let build = "";
    // Stored fields by ordinal, from the top results a term shard carries.
    const known = new Map();
    const read = new Set();
    const urlOf = (name) =>
      name === "meta" ? `${base}meta.js?t=${Date.now()}` : `${base}${name}.js?v=${build}`;

    const file = (name) => {
      if (registry.has(name)) return Promise.resolve(registry.get(name));
      return new Promise((resolve, reject) => {
        const queue = waiting.get(name);
        if (queue) {
          queue.push({ resolve, reject });
          return;
        }
        waiting.set(name, [{ resolve, reject }]);
        requested++;
        load(urlOf(name), () => {
          const w = waiting.get(name) || [];
          waiting.delete(name);
          const err = new Error(`Could not load the search index file ${base}${name}.js`);
          for (const p of w) p.reject(err);
        });
      });
    };

    const meta = () =>
      file("meta").then((m) => {
        if (m?.version !== INDEX_VERSION) {
          throw new Error("The search index does not match this page's script; rebuild the site.");
        }
        build = m.build;
        return m;
      });

    /** [term, postings] pairs in [from, to], or equal to `from` when exactOnly. */
    const termsBetween = (m, from, to, exactOnly) => {
      if (!m.shards.length) return Promise.resolve([]);
      const first = shardOf(m.shards, from);
      const last = exactOnly ? first : shardOf(m.shards, to);
      const names = [];
      for (let i = first; i <= last; i++) names.push(`t${i}`);
      return Promise.all(names.map(file)).then((shards) => {
        const out = [];
        shards.forEach(([, records], k) => {
          if (read.has(names[k])) return;
          read.add(names[k]);
          for (let j = 0; j < records.length; j += 2) known.set(records[j], records[j + 1]);
        });
        for (const [list] of shards) {
          for (let j = 0; j < list.length; j += 2) {
            const t = list[j];
            if (exactOnly ? t === from : t >= from && t <= to) out.push([t, list[j + 1]]);
          }
        }
        return out;
      });
    };

    const idfOf = (m, df) => Math.log(1 + (m.docs - df + 0.5) / (df + 0.5));

    /**
     * Hits of one query token, as whole word or as prefix: one matching term keeps its codes
     * (ranked later without per-article scores); several take the best score per article.
     */
    const tokenScores = (m, token) => {
      const to = `${token}\uffff`;
      const span = shardOf(m.shards, to) - shardOf(m.shards, token) + 1;
      const prefix = token.length >= MIN_PREFIX_LENGTH && span <= MAX_PREFIX_SHARDS;
      return termsBetween(m, token, to, !prefix).then((matches) => {
        const factorOf = (term, df) => idfOf(m, df) * (term === token ? 1 : PREFIX_FACTOR);
        if (matches.length === 1) {
          const hit = decodeList(matches[0][1], m.docs);
          hit.factor = factorOf(matches[0][0], hit.count);
          return hit;
        }
        const dense = new Float64Array(m.docs);
        let ords = new Int32Array(m.docs);
        let count = 0;
        for (const [term, list] of matches) {
          const hit = decodeList(list, m.docs);
          const factor = factorOf(term, hit.count);
          for (const [value, start, end] of hit.segments) {
            const s = VALUE_WEIGHT[value] * factor;
            for (let k = start; k < end; k++) {
              const ord = hit.ords[k];
              const old = dense[ord];
              if (old === 0) ords[count++] = ord;
              if (s > old) dense[ord] = s;
            }
          }
        }
        ords = ords.subarray(0, count);
        if (matches.length > 1) ords.sort();
        return { ords, count, dense };
      });
    };

    /** Membership (1 = carries it) of each article in a filter key. */
    const facetSet = (m, key) =>
      termsBetween(m, key, key, true).then((matches) => {
        const set = new Uint8Array(m.docs);
        if (matches.length)
          eachPosting(matches[0][1], (ord) => {
            set[ord] = 1;
          });
        return set;
      });

    /**
     * Runs { q, source, author, year } → { tokens, ords, scores, hits }, best first;
     * with filters but no words, the filtered articles in archive order (newest first).
     */
    const search = (query) => {
      const tokens = unique(tokenize(query.q || ""));
      const keys = [];
      if (query.source) keys.push(facetKey("source", query.source));
      if (query.author) keys.push(facetKey("author", query.author));
      if (query.year) keys.push(facetKey("year", query.year));
      return meta().then((m) => {
        if (!tokens.length && !keys.length) {
          return result(tokens, { ords: new Int32Array(0), scores: new Float64Array(0) });
        }
        return Promise.all([
          Promise.all(tokens.map((t) => tokenScores(m, t))),
          Promise.all(keys.map((k) => facetSet(m, k))),
        ]).then(([maps, sets]) => {
          const ranked = combine(maps, sets, m.docs);
          return result(tokens, ranked);
        });
      });
    };

    /**
     * Stored fields of the given ordinals, from the searched shards or else the chunks they
     * sit in (requested in the given order). `onEach(doc, i)` runs in order as soon as doc i
     * and all before it are there, so a page can show its first result before the rest.
     */
    const docs = (ords, onEach) =>
      meta().then((m) => {
        const chunkOf = (o) => `d${Math.floor(o / m.chunk)}`;
        const out = new Array(ords.length);
        let shown = 0;
        const fill = (i) => {
          const ord = ords[i];
          const fields = known.get(ord) || registry.get(chunkOf(ord))[ord % m.chunk];
          const [path, title, date, source, authors, snippet] = fields;
          out[i] = { ord, path, title, date, source, authors, snippet };
        };
        const emit = () => {
          for (; shown < ords.length && out[shown]; shown++) if (onEach) onEach(out[shown], shown);
        };
        const waiting = new Map();
        ords.forEach((ord, i) => {
          if (known.has(ord)) {
            fill(i);
            return;
          }
          const name = chunkOf(ord);
          if (!waiting.has(name)) waiting.set(name, []);
          waiting.get(name).push(i);
        });
        emit();
        const loads = [...waiting].map(([name, list]) =>
          file(name).then(() => {
            for (const i of list) fill(i);
            emit();
          }),
        );
        return Promise.all(loads).then(() => out);
      });

    return {
      meta,
      search,
      docs,
      authors: () => meta().then(() => file("authors")),
      filesRequested: () => requested,
    };
  };

  const HIGHLIGHT_WORD =
    /[\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060\ufeff]+(?:['\u2019\u02bc][\p{L}\p{N}\p{M}]+)*/gu;

  /**
   * Splits text into [text, matched] parts, marking words a query token matches: the whole
   * word, or its start for tokens long enough to match as prefixes.
   */
  const highlight = (text, tokens) => {
    const parts = [];
    let last = 0;
    for (const m of text.matchAll(HIGHLIGHT_WORD)) {
      const folded = tokenize(m[0]).join("");
      const hit = tokens.some(
        (t) => folded === t || (t.length >= MIN_PREFIX_LENGTH && folded.startsWith(t)),
      );
      if (!hit) continue;
      if (m.index > last) parts.push([text.slice(last, m.index), false]);
      parts.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push([text.slice(last), false]);
    return parts;
  };

  /**
   * The part of a stored snippet to show, as `highlight` parts: about WINDOW_CHARS characters
   * from a little before the first matched word (the start when none matches), cut at spaces,
   * with an ellipsis where text was left out.
   */
  const snippetParts = (text, tokens) => {
    if (text.length <= WINDOW_CHARS) return highlight(text, tokens);
    let hit = -1;
    let at = 0;
    for (const [part, matched] of highlight(text, tokens)) {
      if (matched) {
        hit = at;
        break;
      }
      at += part.length;
    }
    let start = Math.max(0, Math.min(hit - WINDOW_LEAD, text.length - WINDOW_CHARS));
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, start + WINDOW_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > Math.max(start, hit)) end = space;
    }
    const body = text.slice(start, end);
    const shown = `${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
    return highlight(shown, tokens);
  };

  root.BroadsheetSearch = {
    snippetParts,
    register,
    createEngine,
    foldText,
    tokenize,
    facetKey,
    highlight,
    shardOf,
    eachPosting,
  };
})(typeof window !== "undefined" ? window : globalThis);
