// Starts the app from a file rather than an inline script, so the page runs under a strict
// Content-Security-Policy (script-src 'self'). Trunk writes this script's element from
// `pattern_script` in Trunk.toml, with the hashed names of the wasm-bindgen glue and the wasm
// in its data attributes.
const script = document.querySelector('script[data-glue][data-wasm]');
const glue = await import(new URL(script.dataset.glue, document.baseURI).href);
const wasm = await glue.default({ module_or_path: new URL(script.dataset.wasm, document.baseURI) });
window.wasmBindings = glue;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
