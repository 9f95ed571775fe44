// Popup of a place, built with DOM nodes (never HTML strings) so that names from the data stay text.
export function popupContent(properties) {
  const root = document.createElement('div');
  root.className = 'popup-lieu';
  const title = document.createElement('h3');
  title.textContent = properties.nom;
  root.append(title);
  if (properties.commune) {
    const commune = document.createElement('p');
    commune.className = 'popup-commune';
    commune.textContent = properties.departement ? `${properties.commune} (${properties.departement})` : properties.commune;
    root.append(commune);
  }
  if (properties.services?.length) {
    const label = document.createElement('p');
    label.textContent = 'Services :';
    const list = document.createElement('ul');
    for (const service of properties.services) {
      const item = document.createElement('li');
      item.textContent = service;
      list.append(item);
    }
    root.append(label, list);
  }
  const fiche = document.createElement('a');
  fiche.href = `/lieux/${properties.id}`;
  fiche.textContent = 'Voir la fiche du lieu';
  root.append(fiche);
  return root;
}
