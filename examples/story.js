// The example story's script: drives the embedded calculator through its message API
// (docs/embedding.md, "The message API"). As each step scrolls into view it sends the
// step's messages; it sizes the frame from the height messages, quotes the figures from the
// latest state, and switches the embed's theme with the page's.
//
// The calculator shows its chart view (`view=chart`: the sentence and the spend chart) unless
// the screen has room beside the text for the whole embed, slider and figures included. On a
// phone or a narrow window the frame is pinned to the bottom half of the screen and the step
// most in view in the top half is the one shown.
const frame = document.getElementById('calculator');
const origin = new URL(frame.src, location.href).origin;
const quote = document.getElementById('quote-value');
const toggle = document.getElementById('theme-toggle');
const pinned = matchMedia('(max-width: 799px)');
const roomy = matchMedia('(min-width: 800px) and (min-height: 1100px)');
let ready = false;
let pending = [];
let shown = [];

/** Loads the calculator in the view the layout wants, if it is not that already. */
function chooseView() {
  const view = roomy.matches ? 'embed=1' : 'view=chart';
  const src = new URL(frame.getAttribute('src'), location.href);
  if (src.search === `?${view}`) return;
  src.search = `?${view}`;
  ready = false;
  pending = shown;
  frame.src = src.href;
}
chooseView();
roomy.addEventListener('change', chooseView);

function send(messages) {
  shown = messages;
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

// The step most in view is the one shown: in the whole window beside the calculator, in its
// top half above the pinned one.
const steps = [...document.querySelectorAll('.step')];
let observer = null;
function watchSteps() {
  observer?.disconnect();
  const seen = new Map();
  let current = steps.find((step) => step.classList.contains('is-active')) ?? null;
  observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) seen.set(entry.target, entry.intersectionRatio);
      const best = steps.reduce((a, b) => ((seen.get(b) ?? 0) > (seen.get(a) ?? 0) ? b : a));
      if ((seen.get(best) ?? 0) === 0 || best === current) return;
      current = best;
      for (const step of steps) step.classList.toggle('is-active', step === best);
      send(JSON.parse(best.dataset.messages));
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1], rootMargin: pinned.matches ? '0px 0px -50% 0px' : '0px' },
  );
  for (const step of steps) observer.observe(step);
}
watchSteps();
pinned.addEventListener('change', watchSteps);

toggle.addEventListener('click', () => {
  const dark = toggle.getAttribute('aria-pressed') !== 'true';
  toggle.setAttribute('aria-pressed', String(dark));
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  send([{ type: 'stargate-calc:theme', theme: dark ? 'dark' : 'light' }]);
});
