// Trunk post_build step (scripts/post-build.mjs runs it last): the published site's pages, by
// the native `publish` binary (src/bin/publish.rs, cargo feature `publish`): a page per preset
// under p/, every page's link-preview card (card.png, drawn by resvg), `_headers`, and, when
// scripts/publish gave an address (STARGATE_SITE), the tags and oEmbed files that need it.
import { execFileSync } from 'node:child_process';
import { trunkHook } from './trunk-hook.mjs';

export function addSitePages() {
  const { staging, source, nested } = trunkHook('site-pages');
  if (nested) return;
  const site = process.env.STARGATE_SITE ?? '';
  const args = ['run', '--quiet', '--release', '--offline', '--features', 'publish', '--bin', 'publish', '--', staging, site];
  console.error(`site-pages: cargo ${args.join(' ')}`);
  execFileSync('cargo', args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
}
