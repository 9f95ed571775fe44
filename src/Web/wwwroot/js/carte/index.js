// Map portal entry module: département boundaries and the filtered places from PostGIS (grouped by the server for
// the view), the search, the filters and the list, all kept in step with the URL (permalinks, back and forward).
import { popupContent } from './popup.js';
import { texte } from '../commun/texte.js';
import { creerListe } from './liste.js';
import { creerRecherche } from './recherche.js';
import { lireEtat, filtres, versUrl, depuisFormulaire, versFormulaire } from './etat.js';

const L = window.L;
const element = document.getElementById('carte');
const settings = JSON.parse(element.dataset.carte);
const form = document.getElementById('recherche-form');
const erreur = document.getElementById('carte-erreur');
const compte = document.getElementById('liste-compte');
const fr = new Intl.NumberFormat('fr-FR');

const METROPOLE = L.latLngBounds([41.3, -5.2], [51.1, 9.6]);
const map = L.map(element, { zoomSnap: 0.5, maxZoom: 19 }).fitBounds(METROPOLE);
if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
map.attributionControl.addAttribution('Lieux : <a href="/donnees#titre-licence">sources publiques</a>, Licence Ouverte 2.0');
// The places come from the server grouped by cells of the screen (/api/carte/grappes): what the map loads
// follows the view, not the number of places. A cluster shows how many places it stands for and zooms onto them.
const couche = L.layerGroup().addTo(map);
const centre = L.layerGroup().addTo(map);
// The searched point stays above the places and their clusters (markerPane is 600, tooltips 650).
map.createPane('centre').style.zIndex = 620;
// Popups are made on first opening.
function ouvrir(marker) {
  if (!marker.getPopup()) {
    const f = marker.feature;
    marker.bindPopup(() => popupContent({ ...f.properties, id: f.id, services: f.properties.services.map((s) => settings.services[s] ?? s) }));
  }
  marker.openPopup();
}
let aOuvrir = null; // the place chosen in the list, opened once the view that shows it is drawn
function montrer(p) {
  aOuvrir = p.id;
  const marker = marqueurs.get(p.id);
  if (marker && map.getZoom() >= settings.zoomLieux) { map.panTo(marker.getLatLng()); ouvrir(marker); aOuvrir = null; return; }
  map.setView([p.lat, p.lon], Math.max(map.getZoom(), settings.zoomLieux));
}
const liste = creerListe({ map, montrer, liste: document.getElementById('liste-lieux') });
let etat = lireEtat();
let marqueurs = new Map();
let departements = null;
let versionDonnees = 0;
let versionVue = 0;
let totalFiltre = 0;

function signaler(message) {
  erreur.textContent = message;
  erreur.hidden = !message;
}

async function json(url) {
  const reponse = await fetch(url, { credentials: 'same-origin' });
  if (!reponse.ok) throw new Error(`${url} : HTTP ${reponse.status}`);
  return reponse.json();
}

function taille(n) {
  if (n < 10) return 'small';
  return n < 100 ? 'medium' : 'large';
}

function dessiner(collection) {
  couche.clearLayers();
  marqueurs = new Map();
  for (const f of collection.features) {
    const [lon, lat] = f.geometry.coordinates;
    if (f.properties.grappe) {
      const n = f.properties.nombre;
      const [ouest, sud, est, nord] = f.properties.bbox;
      const m = L.marker([lat, lon], {
        icon: L.divIcon({ html: `<div><span>${fr.format(n)}</span></div>`, className: `marker-cluster marker-cluster-${taille(n)}`, iconSize: L.point(40, 40) }),
        title: `${fr.format(n)} lieux : zoomer sur eux`,
      });
      const zoomer = () => map.fitBounds([[sud, ouest], [nord, est]], { padding: [30, 30], maxZoom: settings.zoomLieux });
      m.on('click', zoomer);
      m.on('keypress', (e) => { if (e.originalEvent.key === 'Enter') zoomer(); }); // Leaflet's markers take Enter as keypress, not click
      couche.addLayer(m);
    } else {
      const m = L.marker([lat, lon], { title: f.properties.nom, alt: f.properties.nom });
      m.feature = f;
      // The popup is made on the first opening; from then on Leaflet opens and closes it (click, Enter).
      m.on('click', () => { if (!m.getPopup()) ouvrir(m); });
      m.on('keypress', (e) => { if (e.originalEvent.key === 'Enter' && !m.getPopup()) ouvrir(m); });
      marqueurs.set(f.id, m);
      couche.addLayer(m);
    }
  }
  if (aOuvrir !== null && marqueurs.has(aOuvrir)) { ouvrir(marqueurs.get(aOuvrir)); aOuvrir = null; }
}

function bbox(bounds) {
  const w = Math.max(-180, bounds.getWest()), s = Math.max(-85, bounds.getSouth());
  const e = Math.min(180, bounds.getEast()), n = Math.min(85, bounds.getNorth());
  return [w, s, e, n].map((v) => v.toFixed(4)).join(',');
}

// The map's data for the view (a margin around it, so that a small pan needs nothing new), and, without a searched
// point, the list of the places in the view with how many there are.
async function chargerVue() {
  const version = ++versionVue;
  const q = filtres(etat).toString();
  const et = q ? `&${q}` : '';
  const zoom = Math.floor(map.getZoom());
  const demandes = [json(`${settings.grappesUrl}?zoom=${zoom}&bbox=${bbox(map.getBounds().pad(0.25))}${et}`)];
  if (etat.lat === null) demandes.push(json(`${settings.listeUrl}?limit=${settings.taille}&bbox=${bbox(map.getBounds())}${et}`));
  const [collection, page] = await Promise.all(demandes);
  if (version !== versionVue) return false;
  dessiner(collection);
  if (page) {
    liste.afficher(page.items);
    const suite = page.total > settings.taille ? ` ; les ${settings.taille} premiers par ordre alphabétique` : '';
    compte.textContent = `${fr.format(totalFiltre)} lieu${totalFiltre > 1 ? 'x' : ''} ; ${fr.format(page.total)} dans cette zone de la carte${suite}.`;
  }
  return true;
}

function compterServices(services) {
  document.querySelectorAll('[data-service]').forEach((s) => { s.textContent = `(${fr.format(services[s.dataset.service] ?? 0)})`; });
}

function vueDepuisUrl() {
  const [z, lat, lon] = etat.carte.split('/').map(Number);
  if ([z, lat, lon].every(Number.isFinite)) { map.setView([lat, lon], z); return true; }
  return false;
}

async function actualiser({ pousser }) {
  const version = ++versionDonnees;
  const q = filtres(etat).toString();
  element.dataset.mapReady = 'false';
  try {
    const page = await json(`${settings.listeUrl}?${q}&limit=1`);
    if (version !== versionDonnees) return;
    totalFiltre = page.total;
    compterServices(page.services);
    centre.clearLayers();
    if (etat.lat !== null && etat.lon !== null) {
      const proches = await json(`${settings.prochesUrl}?lat=${etat.lat}&lon=${etat.lon}&limit=${settings.taille}${q ? `&${q}` : ''}`);
      if (version !== versionDonnees) return;
      L.circleMarker([etat.lat, etat.lon], { radius: 8, color: '#ce0500', className: 'centre-recherche', pane: 'centre' })
        .bindTooltip(texte(etat.ou || 'Point cherché')).addTo(centre);
      if (!vueDepuisUrl()) map.setView([etat.lat, etat.lon], 11);
      liste.afficher(proches.items);
      const n = proches.items.length;
      compte.textContent = `${fr.format(page.total)} lieu${page.total > 1 ? 'x' : ''} ; les ${fr.format(n)} plus proches de ${etat.ou || 'ce point'}.`;
    } else if (!vueDepuisUrl()) {
      map.fitBounds(METROPOLE);
    }
    if (!await chargerVue() || version !== versionDonnees) return;
    if (pousser) window.history.pushState(null, '', versUrl(etat));
    signaler('');
    await contours; // ready means everything drawn, boundaries included
    element.dataset.mapReady = 'true';
  } catch (e) {
    console.error(e);
    signaler(`La carte n’a pas pu charger ses données (${e?.message ?? e}). Réessayez plus tard.`);
    element.dataset.mapReady = 'error';
  }
}

const recherche = creerRecherche({
  input: document.getElementById('ou'),
  liste: document.getElementById('suggestions'),
  communesUrl: settings.communesUrl,
  adresseUrl: settings.adresseUrl,
  signaler,
  choisir: (choix) => {
    etat = { ...depuisFormulaire(etat, form), ...choix, carte: '' };
    actualiser({ pousser: true });
  },
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const texte = form.elements.namedItem('ou').value.trim();
  let suite = { ...depuisFormulaire(etat, form), carte: '' };
  if (!texte) suite = { ...suite, ou: '', lat: null, lon: null };
  else if (texte !== etat.ou) {
    const choix = await recherche.resoudre();
    if (!choix) return;
    suite = { ...suite, ...choix };
    form.elements.namedItem('ou').value = choix.ou;
  }
  etat = suite;
  actualiser({ pousser: true });
});
form.addEventListener('change', (e) => {
  if (e.target.name === 'ou') return;
  etat = { ...depuisFormulaire(etat, form), carte: etat.lat !== null ? '' : etat.carte };
  actualiser({ pousser: true });
});
// The server resolved a typed commune into a point: take it, then let the module drive.
const latServeur = form.querySelector('input[type="hidden"][name="lat"]');
const lonServeur = form.querySelector('input[type="hidden"][name="lon"]');
if (etat.lat === null && latServeur && lonServeur) {
  etat = { ...etat, ou: form.elements.namedItem('ou').value, lat: Number(latServeur.value), lon: Number(lonServeur.value) };
  window.history.replaceState(null, '', versUrl(etat));
}
latServeur?.remove();
lonServeur?.remove();

const autour = document.getElementById('autour');
if ('geolocation' in navigator) {
  autour.hidden = false;
  autour.addEventListener('click', () => navigator.geolocation.getCurrentPosition(
    (p) => {
      etat = { ...depuisFormulaire(etat, form), ou: 'votre position', lat: p.coords.latitude, lon: p.coords.longitude, carte: '' };
      form.elements.namedItem('ou').value = 'votre position';
      actualiser({ pousser: true });
    },
    () => signaler('Votre position n’est pas disponible (refusée ou introuvable) : cherchez une commune ou un code postal.'),
    { timeout: 10000 },
  ));
}

let attente = null;
map.on('moveend', () => {
  if (element.dataset.mapReady !== 'true') return;
  const c = map.getCenter();
  etat = { ...etat, carte: `${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}` };
  window.history.replaceState(null, '', versUrl(etat));
  // One request for a burst of moves (a drag, the zoom buttons pressed twice).
  clearTimeout(attente);
  element.dataset.vuePrete = 'false';
  attente = setTimeout(() => chargerVue()
    .then((fait) => { if (fait) element.dataset.vuePrete = 'true'; })
    .catch((e) => {
      console.error(e);
      signaler(`La carte n’a pas pu charger ses données (${e?.message ?? e}). Réessayez plus tard.`);
    }), 120);
});
window.addEventListener('popstate', () => {
  etat = lireEtat();
  versFormulaire(etat, form);
  actualiser({ pousser: false });
});

document.querySelectorAll('[data-territoire]').forEach((b) => b.addEventListener('click', () => {
  if (b.dataset.territoire === 'metropole') { map.fitBounds(METROPOLE); return; }
  departements?.eachLayer((l) => { if (l.feature.properties.code === b.dataset.territoire) map.fitBounds(l.getBounds()); });
}));

// Boundaries and places load side by side; the boundaries go under the markers whenever they arrive.
const contours = json(settings.departementsUrl).then((collection) => {
  departements = L.geoJSON(collection, {
    style: { className: 'departement', color: '#3d4a7a', weight: 1, fillColor: '#8fa1d6', fillOpacity: 0.08 },
    onEachFeature: (f, layer) => layer.bindTooltip(texte(`${f.properties.nom} (${f.properties.code}) : ${fr.format(f.properties.lieux)} lieu${f.properties.lieux > 1 ? 'x' : ''}`), { sticky: true }),
  }).addTo(map);
  departements.bringToBack();
});
Promise.all([contours, actualiser({ pousser: false })]).catch((e) => {
  console.error(e);
  signaler(`La carte n’a pas pu charger ses données (${e?.message ?? e}). Réessayez plus tard.`);
  element.dataset.mapReady = 'error';
});
