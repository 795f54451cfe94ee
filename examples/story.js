// The example story's script: drives the embedded calculator through its message API
// (README, "The host page talks to the embed"). As each step scrolls into view it sends the
// step's messages; it sizes the frame from the height messages, quotes the figures from the
// latest state, and switches the embed's theme with the page's.
const frame = document.getElementById('calculator');
const origin = new URL(frame.src, location.href).origin;
const quote = document.getElementById('quote-value');
const toggle = document.getElementById('theme-toggle');
let ready = false;
let pending = [];

function send(messages) {
  if (!ready) {
    // Only the latest step matters before the calculator is ready.
    pending = messages;
    return;
  }
  for (const message of messages) frame.contentWindow.postMessage(message, origin);
}

addEventListener('message', (event) => {
  // Only our frame's messages, and only the calculator's.
  if (event.source !== frame.contentWindow || event.origin !== origin) return;
  const data = event.data;
  if (!data || typeof data.type !== 'string') return;
  if (data.type === 'stargate-calc:height' && Number.isFinite(data.height)) {
    frame.style.height = `${data.height}px`;
  } else if (data.type === 'stargate-calc:ready' || data.type === 'stargate-calc:state') {
    const spend = data.state && data.state.figures && data.state.figures.stargate_2030;
    if (Number.isFinite(spend)) quote.textContent = `$${spend.toFixed(1)}B`;
    if (!ready) {
      ready = true;
      send(pending);
      if (toggle.getAttribute('aria-pressed') === 'true') send([{ type: 'stargate-calc:theme', theme: 'dark' }]);
    }
  }
});

// The step most in view is the one shown.
const steps = [...document.querySelectorAll('.step')];
const seen = new Map();
let current = null;
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) seen.set(entry.target, entry.intersectionRatio);
    const best = steps.reduce((a, b) => ((seen.get(b) ?? 0) > (seen.get(a) ?? 0) ? b : a));
    if ((seen.get(best) ?? 0) === 0 || best === current) return;
    current = best;
    for (const step of steps) step.classList.toggle('is-active', step === best);
    send(JSON.parse(best.dataset.messages));
  },
  { threshold: [0, 0.25, 0.5, 0.75, 1] },
);
for (const step of steps) observer.observe(step);

toggle.addEventListener('click', () => {
  const dark = toggle.getAttribute('aria-pressed') !== 'true';
  toggle.setAttribute('aria-pressed', String(dark));
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  send([{ type: 'stargate-calc:theme', theme: dark ? 'dark' : 'light' }]);
});
