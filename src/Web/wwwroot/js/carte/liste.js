// The list equivalent of the map: the places nearest to the chosen point (with their distance), or the
// places inside the current view. Choosing an item shows its marker; opening a marker highlights its item.
const fr = new Intl.NumberFormat('fr-FR');

export function distanceTexte(m) {
  if (m === null || m === undefined) return '';
  return m < 1000 ? `${fr.format(Math.round(m))} m` : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: m < 10000 ? 1 : 0 }).format(m / 1000)} km`;
}

export function creerListe({ map, montrer, liste }) {
  const items = new Map(); // place id -> list item

  function afficher(lieux) {
    liste.replaceChildren();
    items.clear();
    for (const p of lieux) {
      const li = document.createElement('li');
      const lien = document.createElement('a');
      lien.href = `/lieux/${p.id}`;
      lien.className = 'lieu-lien';
      lien.textContent = p.nom;
      const details = document.createElement('span');
      details.className = 'lieu-commune';
      details.textContent = [p.commune ?? p.departement, p.services?.length ? `${p.services.length} service${p.services.length > 1 ? 's' : ''}` : null,
        p.position_approximative ? 'position approximative (centre de la commune)' : null]
        .filter(Boolean).join(' · ');
      if (p.distance_m !== undefined && p.distance_m !== null) {
        const d = document.createElement('span');
        d.className = 'distance';
        d.textContent = ` à ${distanceTexte(p.distance_m)}`;
        details.append(d);
      }
      li.append(lien, details);
      if (p.lat !== null && p.lat !== undefined && p.lon !== null && p.lon !== undefined) {
        const bouton = document.createElement('button');
        bouton.type = 'button';
        bouton.className = 'lieu-bouton';
        bouton.textContent = 'Voir sur la carte';
        bouton.setAttribute('aria-label', `Voir sur la carte : ${p.nom}`);
        bouton.addEventListener('click', () => montrer(p));
        li.append(bouton);
      }
      items.set(p.id, li);
      liste.append(li);
    }
  }

  map.on('popupopen', (e) => items.get(e.popup._source?.feature?.id)?.classList.add('lieu-selectionne'));
  map.on('popupclose', () => liste.querySelectorAll('.lieu-selectionne').forEach((i) => i.classList.remove('lieu-selectionne')));
  return { afficher };
}
