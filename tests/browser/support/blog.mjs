// A blog on another origin than the calculator's (localhost, not 127.0.0.1) for the tests that
// paste the calculator into a post: the one-line embed, and WordPress's embed of a discovered
// oEmbed page (WordPress's own filter, ported below, and its own wp-embed.js from Debian's
// wordpress package, put in target/wordpress/ by scripts/setup --browser).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WP_EMBED = resolve(REPO, 'target/wordpress/wp-embed.js');

/** Starts the blog. `posts` maps a path to its HTML; it also serves WordPress's script at
 * WordPress's path, when setup fetched it. */
export async function startBlog() {
  const posts = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/wp-includes/js/wp-embed.js' && existsSync(WP_EMBED)) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(WP_EMBED));
    } else if (posts.has(path)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(posts.get(path));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://localhost:${server.address().port}`,
    posts,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

/** What WordPress's oEmbed discovery finds for `url`: the page's oEmbed link, followed. */
export async function discover(url) {
  const page = await (await fetch(url)).text();
  const link = page.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
  assert.ok(link, `${url} has an oEmbed discovery link`);
  const response = await fetch(link[1].replace(/&amp;/g, '&'));
  assert.equal(response.status, 200);
  return response.json();
}

/** WordPress's wp_filter_oembed_result for a discovered (untrusted) provider, as its PHP does
 * it (wp-includes/embed.php of Debian's wordpress 6.1 package): wp_kses with its allowed tags
 * and attributes, the blockquote and the iframe kept, a secret added to the src and as
 * data-secret, the iframe hidden when there is a blockquote, then its class, sandbox and
 * security attributes. */
export function wpFilterOembedResult(html, secret) {
  const allowed = { a: ['href'], blockquote: [], iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'] };
  const kses = (text, extra = {}) =>
    text.replace(/<([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*>/g, (all, tag, attrs) => {
      const keep = [...(allowed[tag] ?? []), ...(extra[tag] ?? [])];
      if (!(tag in allowed)) return '';
      const kept = [...attrs.matchAll(/\s+([a-z-]+)="([^"]*)"/g)].filter(([, name]) => keep.includes(name)).map(([, n, v]) => ` ${n}="${v}"`);
      return `<${tag}${kept.join('')}>`;
    });
  let out = kses(html);
  const content = out.match(/(<blockquote>[\s\S]*?<\/blockquote>)?[\s\S]*(<iframe[\s\S]*?><\/iframe>)/);
  assert.ok(content?.[2], 'WordPress keeps the iframe');
  out = (content[1] ?? '') + content[2];
  const src = out.match(/ src=(['"])(.*?)\1/);
  out = out.replace(src[0], ` src=${src[1]}${src[2]}#?secret=${secret}${src[1]} data-secret=${src[1]}${secret}${src[1]}`);
  out = out.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  out = kses(out, { blockquote: ['data-secret'], iframe: ['data-secret'] });
  if (content[1]) {
    out = out.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    out = out.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return out.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** A WordPress post embedding the calculator page at `pageUrl` as WordPress does when an
 * author pastes its address: discovered, filtered with `secret`, and (with `script`) shown and
 * sized by wp-embed.js. The post records every message it hears in `window.heard`. */
export async function wordpressPost(pageUrl, secret, { script = true } = {}) {
  if (script) assert.ok(existsSync(WP_EMBED), `WordPress's wp-embed.js is missing: run scripts/setup --browser (${WP_EMBED})`);
  const oembed = await discover(pageUrl);
  assert.equal(oembed.type, 'rich');
  const html = wpFilterOembedResult(oembed.html, secret);
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>A WordPress post</title><link rel="icon" href="data:,">
<style>body{font:17px Georgia,serif;max-width:680px;margin:0 auto;padding:0 8px} iframe{max-width:100%}</style></head>
<body><h1>A post about OpenAI's cloud bill</h1><p>Drag the share below.</p>
<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">${html}</div></figure>
<p>Text after the calculator.</p>
<script>window.heard = []; addEventListener('message', (e) => window.heard.push(e.data));</script>
${script ? '<script src="/wp-includes/js/wp-embed.js"></script>' : ''}</body></html>`;
}

/** A post with `code` (the share panel's one-line embed) pasted twice, a second element of
 * `otherQuery` between, and an empty `#later` for an element added afterwards. */
export function loaderPost(code, otherQuery) {
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>A post</title><link rel="icon" href="data:,"></head>
<body style="max-width:680px;margin:0 auto"><h1>Two scenarios</h1>${code}
<p>And the other one:</p><div data-stargate-calc="${otherQuery}"></div>${code.replace(/^<div[^>]*><\/div>/, '')}
<div id="later"></div></body></html>`;
}
