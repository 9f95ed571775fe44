// First view of the map portal in Chromium: bytes transferred (compressed, map tiles excluded: the
// measure runs without tiles) and time until the map says it is ready (data-map-ready="true").
// The time is the page's own clock (performance.now(), from the start of navigation) when the attribute
// appears: what a visitor waits, without the cost of creating a fresh browser profile for each run.
// One visit first warms the server (its JIT, its connection pool); it is not counted. Every counted visit
// uses a fresh profile: nothing in the browser's cache.
// Usage: node first-view.mjs <url> <runs>
import { chromium } from 'playwright-core';

const [url, runs = '5'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = [];
for (let i = 0; i <= Number(runs); i++) {
  const context = await browser.newContext(); // a new profile each time: nothing cached
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const carte = document.getElementById('carte');
      if (carte?.dataset.mapReady === 'true') { window.__pret = performance.now(); observer.disconnect(); }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
  });
  let bytes = 0;
  page.on('response', async (response) => {
    const sizes = await response.request().sizes().catch(() => null);
    if (sizes) bytes += sizes.responseHeadersSize + sizes.responseBodySize;
  });
  await page.goto(url);
  await page.waitForSelector('#carte[data-map-ready="true"]', { timeout: 30000 });
  const ready = Math.round(await page.evaluate(() => window.__pret));
  await page.waitForLoadState('networkidle');
  if (i > 0) results.push({ ready, bytes });
  await context.close();
}
await browser.close();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({ runs: results.length, readyMs: median(results.map((r) => r.ready)), kilobytes: Math.round(median(results.map((r) => r.bytes)) / 1024), all: results }));
