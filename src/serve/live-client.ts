/** Paths under this prefix belong to the dev server, never to the site. */
export const RESERVED_PREFIX = "/__broadsheet/";
/** The server-sent events stream that announces builds. */
export const EVENTS_PATH = `${RESERVED_PREFIX}events`;
/** The live-reload and overlay script that dev pages load. */
export const CLIENT_PATH = `${RESERVED_PREFIX}client.js`;

/** Element id of the error overlay, for tests and for user styles that need to avoid it. */
export const OVERLAY_ID = "__broadsheet-overlay";

const OVERLAY_CSS = `
:host { all: initial; position: fixed; inset: 0 0 auto 0; z-index: 2147483647; display: block; }
.panel { max-height: 70vh; overflow: auto; box-sizing: border-box; padding: 16px 20px 20px; background: #1b1b1f; color: #f3f3f3;
  border-top: 6px solid #e5484d; box-shadow: 0 8px 32px rgba(0,0,0,.45);
  font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
header { display: flex; align-items: baseline; gap: 12px; }
h2 { flex: 1; margin: 0 0 8px; font-size: 16px; color: #ff8589; }
button { font: inherit; color: inherit; background: #33333b; border: 1px solid #55555f;
  border-radius: 4px; padding: 2px 10px; cursor: pointer; }
button:focus-visible { outline: 2px solid #7aa2ff; outline-offset: 2px; }
ol { margin: 0; padding-left: 1.6em; }
li { margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.where { color: #7dd3fc; }
.rule { color: #a1a1aa; }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
p { margin: 12px 0 0; color: #a1a1aa; }
`;

/**
 * The browser side of `broadsheet dev`, served at {@link CLIENT_PATH}: it reloads the page when a
 * build newer than the page's finishes (keeping the scroll position) and shows the last build's
 * errors in a dismissable overlay. Plain ES2017 so any browser runs it untranspiled.
 */
export const LIVE_CLIENT_JS = `(() => {
  "use strict";
  const me = document.currentScript;
  const served = me ? Number(me.dataset.build) : -1;
  const scrollKey = "broadsheet:scroll:" + location.pathname;
  try {
    const saved = sessionStorage.getItem(scrollKey);
    if (saved !== null) {
      sessionStorage.removeItem(scrollKey);
      window.scrollTo(0, Number(saved));
    }
  } catch (e) {}
  let host = null;
  let dismissed = null;
  const hide = () => { if (host) { host.remove(); host = null; } };
  const el = (parent, tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    parent.appendChild(node);
    return node;
  };
  const show = (state) => {
    const signature = JSON.stringify([state.errors, state.fatal]);
    hide();
    if ((state.errors.length === 0 && state.fatal === null) || dismissed === signature) return;
    host = document.createElement("div");
    host.id = ${JSON.stringify(OVERLAY_ID)};
    const root = host.attachShadow({ mode: "open" });
    el(root, "style", ${JSON.stringify(OVERLAY_CSS)});
    const panel = el(root, "section", undefined, "panel");
    panel.setAttribute("role", "alertdialog");
    panel.setAttribute("aria-label", "Build errors");
    const header = el(panel, "header");
    const count = state.fatal !== null ? "The build failed" :
      state.errorCount === 1 ? "1 error in the last build" : state.errorCount + " errors in the last build";
    el(header, "h2", count);
    const close = el(header, "button", "Dismiss (Esc)");
    close.type = "button";
    close.addEventListener("click", () => { dismissed = signature; hide(); });
    if (state.fatal !== null) el(panel, "pre", state.fatal);
    const list = el(panel, "ol");
    for (const d of state.errors) {
      const item = el(list, "li");
      el(item, "span", d.line > 0 ? d.file + ":" + d.line : d.file, "where");
      el(item, "span", "  " + d.message + "  ");
      el(item, "span", "[" + d.rule + "]", "rule");
    }
    if (state.errorCount > state.errors.length) {
      el(panel, "p", "…and " + (state.errorCount - state.errors.length) + " more in the terminal.");
    }
    el(panel, "p", "The last good version of each page is still served. Fix the file and save: this page reloads.");
    document.documentElement.appendChild(host);
  };
  addEventListener("keydown", (event) => {
    if (event.key === "Escape" && host) { host.shadowRoot.querySelector("button").click(); }
  });
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener("build", (event) => {
    const state = JSON.parse(event.data);
    if (state.id !== served) {
      try { sessionStorage.setItem(scrollKey, String(window.scrollY)); } catch (e) {}
      source.close();
      location.reload();
      return;
    }
    show(state);
  });
})();
`;
