// Map portal entry module: département boundaries and clustered places from PostGIS,
// and the accessible list of the places the map shows.
import { popupContent } from './popup.js';
import { createList } from './liste.js';

const L = window.L;
const element = document.getElementById('carte');
const settings = JSON.parse(element.dataset.carte);
const errorBox = document.getElementById('carte-erreur');

const METROPOLE = L.latLngBounds([41.3, -5.2], [51.1, 9.6]);
const map = L.map(element, { zoomSnap: 0.5, maxZoom: 19 }).fitBounds(METROPOLE);
if (settings.tileUrl) {
  L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
}
map.attributionControl.addAttribution('Lieux : Hinaura / ANCT, Licence Ouverte 2.0');

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json' } });
  if (!response.ok) throw new Error(`${url} : HTTP ${response.status}`);
  return response.json();
}

function departementsLayer(collection) {
  return L.geoJSON(collection, {
    style: { className: 'departement', color: '#3d4a7a', weight: 1, fillColor: '#8fa1d6', fillOpacity: 0.08 },
    onEachFeature: (feature, layer) => {
      const p = feature.properties;
      const lieux = p.lieux === 1 ? '1 lieu' : `${p.lieux.toLocaleString('fr-FR')} lieux`;
      layer.bindTooltip(`${p.nom} (${p.code}) : ${lieux}`, { sticky: true });
    },
  });
}

function lieuxLayer(collection) {
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true });
  const markers = collection.features.map((feature) => {
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { title: feature.properties.nom, alt: feature.properties.nom });
    marker.feature = feature;
    marker.bindPopup(() => popupContent(feature.properties));
    return marker;
  });
  cluster.addLayers(markers);
  return { cluster, markers };
}

function showTerritory(code, departements) {
  if (code === 'metropole') { map.fitBounds(METROPOLE); return; }
  departements.eachLayer((layer) => {
    if (layer.feature.properties.code === code) map.fitBounds(layer.getBounds());
  });
}

async function start() {
  try {
    const [deps, lieux] = await Promise.all([getJson(settings.departementsUrl), getJson(settings.lieuxUrl)]);
    const departements = departementsLayer(deps).addTo(map);
    const { cluster, markers } = lieuxLayer(lieux);
    cluster.addTo(map);
    createList({ map, cluster, markers, list: document.getElementById('liste-lieux'), status: document.getElementById('liste-compte') });
    document.querySelectorAll('[data-territoire]').forEach((button) => {
      button.addEventListener('click', () => showTerritory(button.dataset.territoire, departements));
    });
    element.dataset.mapReady = 'true';
  } catch (error) {
    console.error(error);
    errorBox.textContent = `La carte n’a pas pu charger ses données (${error?.message ?? error}). Réessayez plus tard.`;
    errorBox.hidden = false;
    document.getElementById('liste-compte').textContent = 'Aucun lieu chargé.';
    element.dataset.mapReady = 'error';
  }
}

start();
