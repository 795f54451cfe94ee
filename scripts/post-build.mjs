// Trunk's post_build hook (Trunk.toml). Trunk starts the hooks of a stage all at once, so the
// steps that must run in order are one hook: minify the glue, then add the embed's wasm.
import { addEmbed } from './embed-build.mjs';
import { minifyGlue } from './minify-glue.mjs';

await minifyGlue();
addEmbed();
