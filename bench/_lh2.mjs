import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../tests/browser/support/server.mjs';
const server = await serve(process.env.DIST || '/work/main/dist', { compress: true });
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const r = await lighthouse(server.url + (process.argv[2] || '/'), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
const a = r.lhr.audits;

for (const id of ['layout-shifts','layout-shift-elements','long-tasks','bootup-time','mainthread-work-breakdown','network-requests']) { const d=a[id]?.details; if (!d) continue; console.log('==', id, a[id].displayValue||''); const items = d.items || []; for (const it of items.slice(0, 12)) console.log(JSON.stringify(it).slice(0, 300)); }
await chrome.kill(); await server.close();
