// Small map of a place page (the page works without it: address and neighbours are in the text).
const L = window.L;
const element = document.getElementById('carte-lieu');
if (element) {
  const s = JSON.parse(element.dataset.carte);
  const map = L.map(element, { maxZoom: 19, scrollWheelZoom: false }).setView([s.lat, s.lon], 14);
  if (s.tileUrl) L.tileLayer(s.tileUrl, { attribution: s.tileAttribution, maxZoom: 19 }).addTo(map);
  L.marker([s.lat, s.lon], { title: s.nom, alt: s.nom }).addTo(map);
  element.dataset.mapReady = 'true';
}
