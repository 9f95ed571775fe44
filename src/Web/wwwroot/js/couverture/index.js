// The choropleth of /couverture: each département takes the colour of the class the server gave it in the
// table (the same numbers, the same classes); the table is the accessible equivalent.
const L = window.L;
const element = document.getElementById('carte-couverture');
const s = JSON.parse(element.dataset.carte);
const map = L.map(element, { maxZoom: 12, zoomSnap: 0.5 }).fitBounds([[41.3, -5.2], [51.1, 9.6]]);
if (s.tileUrl) L.tileLayer(s.tileUrl, { attribution: s.tileAttribution, maxZoom: 12, opacity: 0.5 }).addTo(map);
fetch(s.departementsUrl).then((r) => r.json()).then((collection) => {
  L.geoJSON(collection, {
    style: (f) => {
      const c = s.classes[f.properties.code];
      const couleur = c.classe < 0 ? s.aucun : s.couleurs[c.classe];
      return { className: `departement classe-${c.classe} dep-${f.properties.code}`, color: '#555', weight: 0.7, fillColor: couleur, fillOpacity: 0.9, dashArray: c.classe < 0 ? '3' : null };
    },
    onEachFeature: (f, layer) => {
      const c = s.classes[f.properties.code];
      layer.bindTooltip(`${c.nom} (${f.properties.code}) : ${c.classe < 0 ? 'aucun lieu' : `${c.valeur} ${s.unite}`}`, { sticky: true });
    },
  }).addTo(map);
  element.dataset.mapReady = 'true';
}).catch((e) => { console.error(e); element.dataset.mapReady = 'error'; });
