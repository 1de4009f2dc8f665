// Whole-page markdown dumps made the way ../shared/eval/scraped/ made its dev set, with a converter that is not
// in that set: scripts, styles and noscript elements removed, then the whole page converted, nothing else changed.
// Writes HTML_OUT/<id>.html (the page without them, for pandoc) and MD_OUT/<id>.md (turndown with its defaults).
// Usage: node bench/scraped_convert.mjs PAGES_DIR HTML_OUT MD_OUT   (needs `turndown` and `@mixmark-io/domino`
// resolvable from NODE_PATH; bench/scraped.sh installs them under target/).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(path.resolve(process.env.NODE_PATH ?? ".", "x.js"));
const domino = require("@mixmark-io/domino");
const TurndownService = require("turndown");

const [pagesDir, htmlOut, mdOut] = process.argv.slice(2);
if (!pagesDir || !htmlOut || !mdOut) {
  console.error("usage: node scraped_convert.mjs PAGES_DIR HTML_OUT MD_OUT");
  process.exit(2);
}
fs.mkdirSync(htmlOut, { recursive: true });
fs.mkdirSync(mdOut, { recursive: true });

// The page's declared charset (`<meta charset>` or `http-equiv`) in its first 4 KB, else UTF-8.
function decode(bytes) {
  const head = bytes.subarray(0, 4096).toString("latin1");
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i);
  const label = m ? m[1].toLowerCase() : "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

for (const name of fs.readdirSync(pagesDir).sort()) {
  const id = name.replace(/\.html?(\.gz)?$/, "");
  let bytes = fs.readFileSync(path.join(pagesDir, name));
  if (name.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
  const doc = domino.createDocument(decode(bytes));
  for (const el of doc.querySelectorAll("script, style, noscript")) el.remove();
  const html = "<!DOCTYPE html>\n" + doc.documentElement.outerHTML;
  fs.writeFileSync(path.join(htmlOut, `${id}.html`), html);
  // turndown gives up on a few pages (an element name the DOM cannot clone): that page has no dump, and the
  // scores count it as missing.
  try {
    const md = new TurndownService().turndown(doc.body ?? doc.documentElement);
    fs.writeFileSync(path.join(mdOut, `${id}.md`), md + "\n");
  } catch (err) {
    console.error(`turndown failed on ${name}: ${err.message}`);
  }
}
