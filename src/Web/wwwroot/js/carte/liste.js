// The list equivalent of the map: the places inside the current view, kept in step with it.
const MAX_ITEMS = 50;

export function createList({ map, cluster, markers, list, status }) {
  const itemsByMarker = new Map();

  function select(marker) {
    cluster.zoomToShowLayer(marker, () => marker.openPopup());
  }

  function render() {
    const bounds = map.getBounds();
    const visible = markers.filter((m) => bounds.contains(m.getLatLng()));
    visible.sort((a, b) => a.feature.properties.nom.localeCompare(b.feature.properties.nom, 'fr'));
    list.replaceChildren();
    itemsByMarker.clear();
    for (const marker of visible.slice(0, MAX_ITEMS)) {
      const p = marker.feature.properties;
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'lieu-bouton';
      button.textContent = p.nom;
      button.setAttribute('aria-describedby', `lieu-${p.id}-commune`);
      button.addEventListener('click', () => select(marker));
      const commune = document.createElement('span');
      commune.id = `lieu-${p.id}-commune`;
      commune.className = 'lieu-commune';
      commune.textContent = [p.commune, p.services?.length ? `${p.services.length} service(s)` : null].filter(Boolean).join(' · ');
      item.append(button, commune);
      list.append(item);
      itemsByMarker.set(marker, item);
    }
    const n = visible.length;
    const shown = Math.min(n, MAX_ITEMS);
    status.textContent = n === 0
      ? 'Aucun lieu dans cette zone de la carte.'
      : n > MAX_ITEMS
        ? `${n.toLocaleString('fr-FR')} lieux visibles sur la carte ; les ${shown} premiers par ordre alphabétique sont listés. Zoomez pour affiner.`
        : `${n.toLocaleString('fr-FR')} lieu${n > 1 ? 'x' : ''} visible${n > 1 ? 's' : ''} sur la carte.`;
  }

  map.on('popupopen', (event) => {
    const item = itemsByMarker.get(event.popup._source);
    item?.classList.add('lieu-selectionne');
  });
  map.on('popupclose', () => {
    list.querySelectorAll('.lieu-selectionne').forEach((i) => i.classList.remove('lieu-selectionne'));
  });
  map.on('moveend', render);
  render();
}
