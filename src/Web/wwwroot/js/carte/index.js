// Map portal entry module: département boundaries and the filtered places from PostGIS, the search, the
// filters and the list, all kept in step with the URL (permalinks, back and forward).
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
const ordreAlphabetique = new Intl.Collator('fr').compare; // one collator: localeCompare builds one per call

const METROPOLE = L.latLngBounds([41.3, -5.2], [51.1, 9.6]);
const map = L.map(element, { zoomSnap: 0.5, maxZoom: 19 }).fitBounds(METROPOLE);
if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.tileAttribution, maxZoom: 19 }).addTo(map);
map.attributionControl.addAttribution('Lieux : <a href="/donnees#titre-licence">sources publiques</a>, Licence Ouverte 2.0');
// One pass: chunked loading would spread 5,000 markers over several timer ticks and delay the ready state.
const cluster = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: false, disableClusteringAtZoom: 15 }).addTo(map);
const centre = L.layerGroup().addTo(map);
// The searched point stays above the places and their clusters (markerPane is 600, tooltips 650).
map.createPane('centre').style.zIndex = 620;
// Popups are made on first opening: 5,000 popups made upfront cost a quarter of a second of the first view.
function ouvrir(marker) {
  if (!marker.getPopup()) {
    const f = marker.feature;
    marker.bindPopup(() => popupContent({ ...f.properties, id: f.id, services: f.properties.services.map((s) => settings.services[s] ?? s) }));
  }
  marker.openPopup();
}
cluster.on('click', (e) => ouvrir(e.layer));
const liste = creerListe({ map, cluster, ouvrir, liste: document.getElementById('liste-lieux') });
let etat = lireEtat();
let marqueurs = new Map();
let departements = null;
let versionDonnees = 0;

function signaler(message) {
  erreur.textContent = message;
  erreur.hidden = !message;
}

async function json(url) {
  const reponse = await fetch(url, { credentials: 'same-origin' });
  if (!reponse.ok) throw new Error(`${url} : HTTP ${reponse.status}`);
  return reponse.json();
}

function dessinerLieux(collection) {
  cluster.clearLayers();
  marqueurs = new Map();
  const liste = collection.features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const m = L.marker([lat, lon], { title: f.properties.nom, alt: f.properties.nom });
    m.feature = f;
    marqueurs.set(f.id, m);
    return m;
  });
  cluster.addLayers(liste);
}

function visibles() {
  const b = map.getBounds();
  return [...marqueurs.values()].filter((m) => b.contains(m.getLatLng()))
    .map((m) => ({ ...m.feature.properties, id: m.feature.id }))
    .sort((a, b2) => ordreAlphabetique(a.nom, b2.nom));
}

function listerVisibles(total) {
  if (etat.lat !== null) return;
  const dansVue = visibles();
  liste.afficher(dansVue.slice(0, settings.taille), marqueurs);
  const suite = dansVue.length > settings.taille ? ` ; les ${settings.taille} premiers par ordre alphabétique` : '';
  compte.textContent = `${fr.format(total)} lieu${total > 1 ? 'x' : ''} ; ${fr.format(dansVue.length)} dans cette zone de la carte${suite}.`;
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
  // Same URL as the page's preload when nothing changed: the browser already has the answer.
  element.dataset.mapReady = 'false';
  try {
    const [collection, page] = await Promise.all([
      json(`${settings.lieuxUrl}?${q}`),
      json(`${settings.listeUrl}?${q}&limit=1`),
    ]);
    if (version !== versionDonnees) return;
    dessinerLieux(collection);
    compterServices(page.services);
    centre.clearLayers();
    if (etat.lat !== null && etat.lon !== null) {
      const proches = await json(`${settings.prochesUrl}?lat=${etat.lat}&lon=${etat.lon}&limit=${settings.taille}${q ? `&${q}` : ''}`);
      if (version !== versionDonnees) return;
      L.circleMarker([etat.lat, etat.lon], { radius: 8, color: '#ce0500', className: 'centre-recherche', pane: 'centre' })
        .bindTooltip(texte(etat.ou || 'Point cherché')).addTo(centre);
      if (!vueDepuisUrl()) map.setView([etat.lat, etat.lon], 11);
      liste.afficher(proches.items, marqueurs);
      const n = proches.items.length;
      compte.textContent = `${fr.format(page.total)} lieu${page.total > 1 ? 'x' : ''} ; les ${fr.format(n)} plus proches de ${etat.ou || 'ce point'}.`;
    } else {
      if (!vueDepuisUrl()) map.fitBounds(METROPOLE);
      listerVisibles(page.total);
    }
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

map.on('moveend', () => {
  if (element.dataset.mapReady !== 'true') return;
  const c = map.getCenter();
  etat = { ...etat, carte: `${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}` };
  window.history.replaceState(null, '', versUrl(etat));
  if (etat.lat === null) listerVisibles(Number(compte.dataset.total ?? marqueurs.size));
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
