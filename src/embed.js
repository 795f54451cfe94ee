// The one-line embed (docs/embedding.md): `<div data-stargate-calc="sg=60&lang=de"></div>` and
// this script, loaded from the calculator's site, turn every such element into the
// calculator's frame (its query plus embed=1), titled and lazy, sized to its content by the
// height messages the embed posts; any number on a page, elements added later included. An
// element with `data-version="1.0.0"` gets that release, pinned (`v/1.0.0/`), whatever the
// live calculator becomes. No dependency and no request but the frames. Copied into the build
// (index.html), where src/bin/publish.rs fills in TITLES, LIVE and PINNED.
(() => {
  if (window.stargateCalcEmbeds) return; // the line pasted twice: one loader is enough
  const script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  const here = new URL('./', script ? script.src : location.href);
  // The frame's title in each of the page's languages (lang/*.json's embed_iframe_title),
  // the way from here to the live calculator's root, and where a release is pinned under it:
  // written here by src/bin/publish.rs at build time.
  const TITLES = {};
  const LIVE = './';
  const PINNED = 'v/{version}/';
  // A release is X.Y.Z (release::version_numbers); anything else is this loader's own.
  const rootOf = (host) => {
    const version = host.getAttribute('data-version') || '';
    return /^\d{1,9}\.\d{1,9}\.\d{1,9}$/.test(version)
      ? new URL(PINNED.replace('{version}', version), new URL(LIVE, here))
      : here;
  };
  const frames = new Set();
  window.stargateCalcEmbeds = frames;

  const build = (host) => {
    if (host.querySelector(':scope > iframe[data-stargate-calc-frame]')) return;
    const query = new URLSearchParams(host.getAttribute('data-stargate-calc') || '');
    query.delete('embed');
    const chart = query.get('view') === 'chart';
    if (!chart) query.append('embed', '1');
    const frame = document.createElement('iframe');
    frame.src = new URL('?' + query, rootOf(host)).href;
    frame.title = TITLES[query.get('lang')] || TITLES.en;
    frame.loading = 'lazy';
    frame.allow = 'clipboard-write';
    frame.setAttribute('data-stargate-calc-frame', '');
    frame.style.cssText = 'display:block;width:100%;border:0;height:' + (chart ? 380 : 720) + 'px';
    host.append(frame);
    frames.add(frame);
  };

  const scan = (node) => {
    if (node.nodeType !== 1) return;
    if (node.hasAttribute('data-stargate-calc')) build(node);
    node.querySelectorAll('[data-stargate-calc]').forEach(build);
  };

  addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== here.origin || !data || data.type !== 'stargate-calc:height') return;
    const height = Number(data.height);
    if (!(height > 0 && height < 20000)) return;
    for (const frame of frames) {
      if (!frame.isConnected) frames.delete(frame);
      else if (frame.contentWindow === event.source) frame.style.height = Math.ceil(height) + 'px';
    }
  });

  scan(document.documentElement);
  new MutationObserver((changes) => {
    for (const change of changes) change.addedNodes.forEach(scan);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
