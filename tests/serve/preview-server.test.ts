import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServer, listenOnFreePort } from "../../src/serve/listen.js";
import { startPreviewServer } from "../../src/serve/preview-server.js";
import { fetchRaw, socketRequest } from "./http-client.js";

const SECRET = "TOP-SECRET-OUTSIDE-DIST";
let base: string;
let dist: string;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "broadsheet-preview-"));
  dist = join(base, "dist");
  const files: Record<string, string> = {
    "index.html": "<!doctype html><title>Home</title><p>front page</p>",
    "404.html": "<!doctype html><title>Not found</title><p>no such page here</p>",
    "2018/05/31/some-title/index.html": "<!doctype html><title>Article</title><p>the article</p>",
    "about.html": "<!doctype html><title>About</title>",
    "assets/style.css": "body { color: #111 }",
    "assets/app.0123abcd.js": "console.log(1)",
    "feed.xml": '<?xml version="1.0"?><feed/>',
    "search.json": '{"a":1}',
    "favicon.png": "\x89PNG",
    "no-index/readme.txt": "a folder without index.html",
    ".env": `SECRET=${SECRET}`,
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dist, path, ".."), { recursive: true });
    await writeFile(join(dist, path), text);
  }
  await writeFile(join(base, "secret.txt"), SECRET);
  await mkdir(join(base, "outside"));
  await writeFile(join(base, "outside", "secret.txt"), SECRET);
  await symlink(join(base, "secret.txt"), join(dist, "leak.txt"));
  await symlink(join(base, "secret.txt"), join(dist, "leak.html"));
  await symlink(join(base, "outside"), join(dist, "leakdir"));
  await symlink(join(dist, "about.html"), join(dist, "inside-link.html"));
  server = await startPreviewServer({ dir: dist, port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe("startPreviewServer", () => {
  it("listens on loopback and serves index.html for the root", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetchRaw(server.url, "/");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.body).toContain("front page");
  });

  it("serves index.html for folders and redirects a folder named without its slash", async () => {
    const page = await fetchRaw(server.url, "/2018/05/31/some-title/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("the article");
    const redirect = await fetchRaw(server.url, "/2018/05/31/some-title?x=1");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe("/2018/05/31/some-title/?x=1");
  });

  it("never redirects off-site, whatever the leading slashes", async () => {
    const r = await fetchRaw(server.url, "//2018/05/31/some-title");
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe("/2018/05/31/some-title/");
  });

  it.each([
    ["/assets/style.css", "text/css; charset=utf-8"],
    ["/assets/app.0123abcd.js", "text/javascript; charset=utf-8"],
    ["/feed.xml", "application/xml; charset=utf-8"],
    ["/search.json", "application/json; charset=utf-8"],
    ["/favicon.png", "image/png"],
    ["/about.html", "text/html; charset=utf-8"],
  ])("serves %s as %s", async (path, type) => {
    const r = await fetchRaw(server.url, path);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe(type);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("serves /about as about.html, as static hosts do", async () => {
    const r = await fetchRaw(server.url, "/about");
    expect(r.status).toBe(200);
    expect(r.body).toContain("<title>About</title>");
  });

  it("sends caching headers: fingerprinted assets immutable, the rest revalidated by ETag", async () => {
    const hashed = await fetchRaw(server.url, "/assets/app.0123abcd.js");
    expect(hashed.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await fetchRaw(server.url, "/");
    expect(page.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const etag = page.headers.etag;
    expect(typeof etag).toBe("string");
    const again = await fetchRaw(server.url, "/", { headers: { "If-None-Match": String(etag) } });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
  });

  it("answers an unknown path with 404.html and status 404", async () => {
    const r = await fetchRaw(server.url, "/no/such/page/");
    expect(r.status).toBe(404);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.body).toContain("no such page here");
  });

  it("lists no folder", async () => {
    const r = await fetchRaw(server.url, "/no-index/");
    expect(r.status).toBe(404);
    expect(r.body).not.toContain("readme.txt");
    expect((await fetchRaw(server.url, "/no-index")).status).toBe(404);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await fetchRaw(server.url, "/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    const post = await fetchRaw(server.url, "/", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("follows a symlink that stays inside the folder", async () => {
    const r = await fetchRaw(server.url, "/inside-link.html");
    expect(r.status).toBe(200);
    expect(r.body).toContain("About");
  });

  it.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/.%2e/secret.txt",
    "/assets/../../secret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/..%5csecret.txt",
    "/%252e%252e/secret.txt",
    "/secret.txt%00.html",
    "/leak.txt",
    "/leak",
    "/leakdir/secret.txt",
    "/.env",
    "/%2eenv",
  ])("refuses %s", async (path) => {
    const r = await fetchRaw(server.url, path);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain(SECRET);
  });

  it("refuses traversal written byte for byte on a socket", async () => {
    for (const target of [
      "/../secret.txt",
      "/%2e%2e/%2e%2e/secret.txt",
      "/../../../../etc/passwd",
    ]) {
      const reply = await socketRequest(server.url, target);
      expect(reply).toMatch(/^HTTP\/1\.1 40[04] /);
      expect(reply).not.toContain(SECRET);
      expect(reply).not.toContain("root:x:0:0");
    }
  });

  it("fails with a clear message when the folder does not exist", async () => {
    await expect(
      startPreviewServer({ dir: join(base, "missing"), port: 0, host: "127.0.0.1" }),
    ).rejects.toThrow(/does not exist\. Run `broadsheet build` first/);
  });
});

describe("listenOnFreePort", () => {
  it("moves on to the next port when the requested one is taken", async () => {
    const first = createServer();
    const port = await listenOnFreePort(first, 0, "127.0.0.1");
    const second = createServer();
    const got = await listenOnFreePort(second, port, "127.0.0.1");
    expect(got).toBeGreaterThan(port);
    await Promise.all([closeServer(first), closeServer(second)]);
  });
});
