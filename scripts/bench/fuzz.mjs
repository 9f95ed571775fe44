// Hostile-input fuzzing of a running portal: bounded requests with hostile values in every documented
// parameter and path segment, statuses counted. Fails (exit 1) on any 5xx, on any 4xx of the API that is not
// problem+json, and on any HTML answer that echoes a hostile value unescaped. Kestrel's own 400 for a NUL in
// the path (no body: the server refuses it before the application, and offers no hook) is counted apart.
//   node scripts/bench/fuzz.mjs BASE_URL [REQUESTS=10000] [SEED=1] [CONCURRENCY=4]
// Prints one JSON line: {"requests", "statuses": {...}, "kestrel400", "failures": [...first 20...], "failed", "seconds"}.
const [base, total = '10000', seedText = '1', concurrencyText = '4'] = process.argv.slice(2);
if (!base) {
  console.error('usage: node fuzz.mjs BASE_URL [REQUESTS] [SEED] [CONCURRENCY]');
  process.exit(2);
}
const requests = Number(total);
const concurrency = Number(concurrencyText);

// A small deterministic generator (mulberry32), so that a failing run can be replayed with its seed.
let state = Number(seedText) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

// Values already percent-encoded where they must be (a lone surrogate cannot go through encodeURIComponent).
const RAW = ['%00', 'a%00b', '%01', '%0A%0D', '%09', '%7F', '%C2%85', '%ED%A0%80', '%FF%FE', '%', '%zz', '%E2%80%AE', '%EF%BF%BF'];
const TEXT = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'Infinity', '-Infinity', '9'.repeat(40), '1.5', '-0', '0x10', '١٢',
  "' OR 1=1 --", '"; DROP TABLE lieux; --', '%', '_', '\\', '\\\\%_', '*', '?', '&', '=', '#', '/', '..', '../../etc/passwd',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)',
  '{{7*7}}', '${7*7}', '@{7*7}', '\u202Eevil', '🦊🏳️‍🌈', 'é'.repeat(300), 'a'.repeat(5000), 'Najac', '12', '2A', '976', '00',
  'coworking', 'autre', 'France services', 'lieux.csv', 'lieux.geojson', 'html', 'json', 'csv', 'true', 'oui', '1',
  '1,2,3,4', '-180,-90,180,90', '170,-10,-170,10', '1,2', 'a,b,c,d', '5,50,6,40', '45.76', '4.84', '999', '-999',
];
const PARAMETERS = [
  'departement', 'service', 'label', 'q', 'bbox', 'lat', 'lon', 'rayon_km', 'limit', 'offset', 'f', 'excel', 'fichier',
  'ou', 'distance', 'indicateur', 'classes', 'carte', 'tri', 'ordre', 'region', 'crs', 'filter', '', '%00', 'q[]', 'limit%00',
];
const PATHS = [
  '/', '/donnees', '/departements', '/departements/{code}', '/departements/{code}?distance=10', '/lieux/{id}', '/lieux/{id}/{slug}',
  '/couverture', '/couverture/methode', '/couverture/comparer', '/integrer/departements/{code}', '/integrer/departements/{code}.svg',
  '/api/lieux', '/api/lieux/proches', '/api/communes', '/api/departements.geojson', '/api/lieux.geojson',
  '/exports/lieux.csv', '/exports/lieux-services.csv', '/exports/lieux.geojson', '/exports/manifest.json', '/exports/schema.json',
  '/exports/couverture.csv', '/exports/couverture-communes.csv', '/ogc', '/ogc/conformance', '/ogc/collections',
  '/ogc/collections/{collection}', '/ogc/collections/{collection}/items', '/ogc/collections/{collection}/items/{id}',
  '/openapi/v1.json', '/healthz', '/erreur/{code}', '/nulle-part/{slug}',
];
const SEGMENTS = {
  code: ['12', '2A', '2b', '974', '00', '99', '1', 'abc', '%00', '%2F', '..', '%2e%2e', 'a'.repeat(300), '-1', '%ED%A0%80'],
  id: ['1', '0', '-1', '999999999', '99999999999999999999999', 'abc', '1.5', '%00', '1e9', '%20'],
  slug: ['najac', '%00', '%3Cscript%3E', 'a'.repeat(500), '%C0%AF', '%25'],
  collection: ['lieux', 'departements', 'LIEUX', 'nope', '%00', '..'],
};
const ACCEPTS = ['*/*', 'application/json', 'text/html', 'application/geo+json', 'text/csv', 'text/html,application/json;q=0.9', ''];
const API = /^\/(api\/|exports\/|ogc|healthz|openapi\/)/;

function segment(name) {
  const v = pick(SEGMENTS[name]);
  return random() < 0.15 ? encodeURIComponent(pick(TEXT)) : v;
}

function value() {
  return random() < 0.35 ? pick(RAW) : encodeURIComponent(pick(TEXT));
}

function request() {
  const path = pick(PATHS).replace(/\{(\w+)\}/g, (_, name) => segment(name));
  const pairs = [];
  const n = Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    const name = pick(PARAMETERS);
    pairs.push(`${name.includes('%') ? name : encodeURIComponent(name)}=${value()}`);
  }
  const url = pairs.length ? `${path}${path.includes('?') ? '&' : '?'}${pairs.join('&')}` : path;
  return { url, method: random() < 0.1 ? 'HEAD' : 'GET', accept: pick(ACCEPTS) };
}

const statuses = {};
const failures = [];
let sent = 0;
let kestrel = 0;
const started = Date.now();
const deadline = started + 30 * 60 * 1000;

async function one({ url, method, accept }) {
  const pathOnly = url.split('?')[0];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const response = await fetch(base + url, { method, headers: accept ? { accept } : {}, redirect: 'manual', signal: controller.signal });
    const body = method === 'HEAD' ? '' : await response.text();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const type = response.headers.get('content-type') ?? '';
    // Kestrel answers a NUL in the path itself, before any of the portal's code (400, no body): counted apart.
    if (response.status === 400 && !type && !body && /%00/.test(pathOnly)) kestrel++;
    else if (response.status >= 500) failures.push(`${response.status} ${method} ${url}`);
    else if (response.status >= 400 && API.test(pathOnly) && method !== 'HEAD' && !type.startsWith('application/problem+json'))
      failures.push(`${response.status} not problem+json (${type}) ${method} ${url}`);
    else if (type.startsWith('text/html') && /<script>alert\(1\)|<img src=x onerror|<svg onload/i.test(body))
      failures.push(`${response.status} unescaped value in HTML ${method} ${url}`);
  } catch (error) {
    statuses.erreur = (statuses.erreur ?? 0) + 1;
    failures.push(`${error.name} ${method} ${url}`);
  } finally {
    clearTimeout(timer);
  }
}

async function worker() {
  while (sent < requests && Date.now() < deadline) {
    sent++;
    await one(request());
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
console.log(JSON.stringify({ requests: sent, statuses, kestrel400: kestrel, failures: failures.slice(0, 20), failed: failures.length, seconds: (Date.now() - started) / 1000 }));
process.exit(failures.length === 0 && sent === requests ? 0 : 1);
