// The choropleth of /couverture: each département takes the colour of the class the server gave it in the
// table (the same numbers, the same classes); the table is the accessible equivalent. A département
// without any place of its own has a dashed outline, whatever the indicator.
import { texte } from '../commun/texte.js';

const L = window.L;
const element = document.getElementById('carte-couverture');
const s = JSON.parse(element.dataset.carte);
const map = L.map(element, { maxZoom: 12, zoomSnap: 0.5 }).fitBounds([[41.3, -5.2], [51.1, 9.6]]);
if (s.tileUrl) L.tileLayer(s.tileUrl, { attribution: s.tileAttribution, maxZoom: 12, opacity: 0.5 }).addTo(map);
fetch(s.departementsUrl).then((r) => r.json()).then((collection) => {
  L.geoJSON(collection, {
    style: (f) => {
      const d = s.departements[f.properties.code];
      return {
        className: `departement classe-${d.classe} dep-${f.properties.code}`,
        color: '#555', weight: d.aucunLieu ? 1.2 : 0.7, fillColor: d.couleur, fillOpacity: 0.9, dashArray: d.aucunLieu ? '3' : null,
      };
    },
    onEachFeature: (f, layer) => {
      layer.bindTooltip(texte(s.departements[f.properties.code].texte), { sticky: true });
    },
  }).addTo(map);
  element.dataset.mapReady = 'true';
}).catch((e) => { console.error(e); element.dataset.mapReady = 'error'; });
