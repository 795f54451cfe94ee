// Trunk post_build step (scripts/post-build.mjs): the pages, by the native `publish` binary
// (src/bin/publish.rs, cargo feature `publish`). For the site, every page's name and fallback, a
// page per preset under p/, every page's link-preview card (card.png, drawn by resvg),
// `_headers`, and, when scripts/publish gave an address (STARGATE_SITE), the tags and oEmbed
// files that need it; for the one-file build, its page's name and fallback.
import { execFileSync } from 'node:child_process';
import { trunkHook } from './trunk-hook.mjs';

export function addSitePages() {
  const { staging, source, entry, output } = trunkHook('site-pages');
  const site = process.env.STARGATE_SITE ?? '';
  // An earlier release built by scripts/releases is pinned at its SITE (…/v/X.Y.Z/).
  if (entry === 'index') publisher(source, process.env.STARGATE_PINNED ? ['--pinned', staging, site] : [staging, site]);
  // The one-file build's page: the root's name and fallback, nothing that needs files beside it.
  if (entry === 'single') publisher(source, ['--single', output]);
}

/**
 * Runs the publisher. In the dev profile: it draws five cards in about two seconds unoptimised,
 * and shares its compiled crates with `cargo test --features publish` (scripts/test), where the
 * release profile (LTO, opt-level z, for the wasm) would compile Leptos and resvg again for minutes.
 */
function publisher(source, args) {
  const cargo = ['run', '--quiet', '--offline', '--features', 'publish', '--bin', 'publish', '--', ...args];
  console.error(`site-pages: cargo ${cargo.join(' ')}`);
  execFileSync('cargo', cargo, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
}
