// Map of a département page: its outline, its places, and the communes farther than the chosen distance from any
// place (the page lists the places, and the most populated of those communes, without the map).
import { texte } from '../commun/texte.js';

const L = window.L;
const element = document.getElementById('carte-departement');
const s = JSON.parse(element.dataset.carte);
const map = L.map(element, { maxZoom: 19, scrollWheelZoom: false }).setView([46.6, 2.4], 5);
if (s.tileUrl) L.tileLayer(s.tileUrl, { attribution: s.tileAttribution, maxZoom: 19 }).addTo(map);
Promise.all([fetch(s.departementsUrl).then((r) => r.json()), fetch(s.lieuxUrl).then((r) => r.json())]).then(([deps, lieux]) => {
  const contour = L.geoJSON({ type: 'FeatureCollection', features: deps.features.filter((f) => f.properties.code === s.code) },
    { style: { color: '#000091', weight: 2, fillOpacity: 0.05 } }).addTo(map);
  map.fitBounds(contour.getBounds());
  L.geoJSON(lieux, {
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 5, color: '#000091', fillOpacity: 0.7 })
      .bindPopup(() => { const a = document.createElement('a'); a.href = `/lieux/${f.properties.id}`; a.textContent = f.properties.nom; return a; }),
  }).addTo(map);
  for (const c of s.eloignees) {
    L.circleMarker([c.lat, c.lon], { radius: 3 + Math.min(6, Math.log10(1 + c.population)), color: '#b34000', weight: 1, fillColor: '#e4794a', fillOpacity: 0.6 })
      .bindTooltip(texte(`${c.nom} : ${c.population.toLocaleString('fr-FR')} habitants, à plus de ${s.km} km d'un lieu`)).addTo(map);
  }
  element.dataset.mapReady = 'true';
}).catch((e) => { console.error(e); element.dataset.mapReady = 'error'; });
