// Trunk's post_build hook (Trunk.toml). Trunk starts the hooks of a stage all at once, so the
// steps that must run in order are one hook. For the site (index.html): minify the glue, add
// the embed's wasm, then the other languages' words (each names its files on index.html's boot
// script in turn; scripts/trunk-hook.mjs has what they share), and last the site's pages, copies
// of the finished index.html. For the embed's nested build (src/embed.html): the glue only. For
// the one-file build (src/single.html): the glue, the page's name and fallback, then the glue,
// wasm and words inlined.
import { addEmbed } from './embed-build.mjs';
import { minifyGlue } from './minify-glue.mjs';
import { inlineSingleFile } from './single-file.mjs';
import { addSitePages } from './site-pages.mjs';
import { addWords } from './words-build.mjs';

await minifyGlue();
addEmbed();
addWords();
addSitePages();
inlineSingleFile();
