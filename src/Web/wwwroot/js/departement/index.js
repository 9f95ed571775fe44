// Map of a département page: its outline and its places (the page lists them all without the map).
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
  element.dataset.mapReady = 'true';
}).catch((e) => { console.error(e); element.dataset.mapReady = 'error'; });
