import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderBody } from "../../src/render/body-html.js";

const text = (...paragraphs: string[]) => renderBody({ kind: "text", paragraphs });

/** Visible text of an HTML fragment: tags dropped, the few references we emit decoded. */
function visible(html: string): string {
  return html
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x3C;/g, "<")
    .replace(/&#x26;/g, "&")
    .replace(/&#x22;/g, '"')
    .replace(/&#x27;/g, "'");
}

describe("plain-text bodies", () => {
  it.each([
    "2018. The year began",
    "# not a heading",
    "> not a quote",
    "* not a list",
    "- not a list either",
    "_x_ and **y**",
    "<b>not bold</b>",
    "1) one 2) two",
    "[text](https://example.com)",
  ])("keeps %j as the same visible text in one paragraph", (line) => {
    const html = text(line);
    expect(html.startsWith("<p>")).toBe(true);
    expect(html.match(/<p>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(h\d|ol|ul|li|blockquote|em|strong|b)\b/);
    expect(visible(html)).toBe(line);
  });

  it("keeps single newlines as line breaks and blank-line paragraphs as paragraphs", () => {
    expect(text("one\ntwo", "three")).toBe("<p>one<br>two</p>\n<p>three</p>");
  });

  it("links bare http(s) URLs, leaving trailing punctuation outside", () => {
    expect(text("See https://example.org/a?b=1&c=2.")).toBe(
      '<p>See <a href="https://example.org/a?b=1&#x26;c=2" rel="nofollow noopener noreferrer">https://example.org/a?b=1&#x26;c=2</a>.</p>',
    );
    expect(text("javascript:alert(1) ftp://x.org")).not.toContain("<a");
  });
});

describe("Markdown bodies", () => {
  it("renders Markdown and strips scripts, handlers and javascript: links", () => {
    const html = renderBody({
      kind: "markdown",
      markdown:
        "## Head\n\n* a\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<script>alert(2)</script>",
    });
    expect(html).toContain("<h2>Head</h2>");
    expect(html).toContain("<li>a</li>");
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });
});

describe("escaping", () => {
  it("never produces markup from any text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 4 }), (paragraphs) => {
        const html = text(...paragraphs);
        const tags = html.match(/<\/?([a-z0-9]+)/gi) ?? [];
        for (const tag of tags)
          expect(["<p", "</p", "<br", "<a", "</a"]).toContain(tag.toLowerCase());
        expect(html).not.toMatch(/<a [^>]*href="(?!https?:)/i);
        expect(html).not.toMatch(/\son\w+=/i);
      }),
      { numRuns: 300 },
    );
  });
});
