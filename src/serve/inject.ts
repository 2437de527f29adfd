import { CLIENT_PATH } from "./live-client.js";

/** The tag that loads the live-reload client; external so a strict CSP in a template allows it. */
export function clientTag(buildId: number): string {
  return `<script src="${CLIENT_PATH}" data-build="${buildId}"></script>`;
}

/**
 * Adds the live-reload client to an HTML page as it is served (the page on disk never holds it):
 * before the last `</body>`, or at the end when the page has none.
 */
export function injectClient(html: string, buildId: number): string {
  const tag = clientTag(buildId);
  const at = html.toLowerCase().lastIndexOf("</body");
  return at === -1 ? `${html}\n${tag}\n` : `${html.slice(0, at)}${tag}\n${html.slice(at)}`;
}
