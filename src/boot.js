// Starts the app from a file rather than an inline script, so the page runs under a strict
// Content-Security-Policy (script-src 'self'). Trunk writes this script's element from
// `pattern_script` in Trunk.toml, with the hashed names of the wasm-bindgen glue and the wasm
// in its data attributes; scripts/embed-build.mjs adds the embed's lighter pair, which a link
// with `embed=1` or `view=chart` (the embed's chart view; the first of each key, as the app
// reads them) loads instead. The wasm download starts at once, beside the glue's.
const script = document.querySelector('script[data-glue][data-wasm]');
const data = script.dataset;
const params = new URLSearchParams(location.search);
const embed = (params.get('embed') === '1' || params.get('view') === 'chart') && data.embedGlue && data.embedWasm;
const url = (path) => new URL(path, document.baseURI);
// `lang=de`, `fr` or `es` (the first `lang` key): the page's words are fetched at once too, their
// list named by scripts/words-build.mjs (`data-words-de` …; English is in the wasm). The app
// awaits `window.stargateWords`: the list, parsed by the browser's JSON parser, or null.
const lang = params.get('lang');
const words = ['de', 'fr', 'es'].includes(lang) && data[`words${lang[0].toUpperCase()}${lang[1]}`];
// index.html's fallback is English: hidden, its place kept, until the page mounts in the
// language (`#app`'s content is replaced then).
if (words) document.documentElement.classList.add('words-pending');
window.stargateWords = words
  ? fetch(url(words))
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
  : null;
// A pinned release (`data-releases`): its site's list of releases, waited for (a second at
// most) before the app starts, so the note it may show is in its first view (ui/version.rs).
const releases = document.getElementById('app')?.dataset.releases;
const releasesText = releases
  ? Promise.race([
      fetch(url(releases)).then((r) => (r.ok ? r.text() : null)).catch(() => null),
      new Promise((done) => setTimeout(done, 1000, null)),
    ])
  : null;
try {
  const wasmResponse = fetch(url(embed ? data.embedWasm : data.wasm));
  const glue = await import(url(embed ? data.embedGlue : data.glue).href);
  if (releasesText) window.stargateReleases = await releasesText;
  const wasm = await glue.default({ module_or_path: wasmResponse });
  window.wasmBindings = glue;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  // No app after all: the fallback's English figures are better than an empty page.
  document.documentElement.classList.remove('words-pending');
  throw error;
}
