// The state of the portal, as the URL carries it: search (ou, lat, lon), filters and map view (carte=z/lat/lon).
// Reload, share, back and forward restore it.
const nombre = (v) => (v === null || v === '' || Number.isNaN(Number(v)) ? null : Number(v));

export function lireEtat(search = window.location.search) {
  const p = new URLSearchParams(search);
  return {
    ou: p.get('ou') ?? '',
    lat: nombre(p.get('lat')),
    lon: nombre(p.get('lon')),
    service: p.getAll('service').filter(Boolean),
    departement: p.getAll('departement').filter(Boolean),
    label: p.get('label') ?? '',
    q: p.get('q') ?? '',
    carte: p.get('carte') ?? '',
  };
}

/** The filters only, as the APIs take them. */
export function filtres(etat) {
  const p = new URLSearchParams();
  etat.departement.forEach((d) => p.append('departement', d));
  etat.service.forEach((s) => p.append('service', s));
  if (etat.label) p.set('label', etat.label);
  if (etat.q) p.set('q', etat.q);
  return p;
}

/** The whole state as a query string, in a stable order. */
export function versUrl(etat) {
  const p = new URLSearchParams();
  if (etat.ou) p.set('ou', etat.ou);
  if (etat.lat !== null && etat.lon !== null) {
    p.set('lat', etat.lat.toFixed(5));
    p.set('lon', etat.lon.toFixed(5));
  }
  filtres(etat).forEach((v, k) => p.append(k, v));
  if (etat.carte) p.set('carte', etat.carte);
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

/** Copies the form's filter fields into the state. */
export function depuisFormulaire(etat, form) {
  const data = new FormData(form);
  return {
    ...etat,
    service: data.getAll('service').map(String),
    departement: data.getAll('departement').map(String).filter(Boolean),
    label: String(data.get('label') ?? ''),
    q: String(data.get('q') ?? '').trim(),
  };
}

/** Puts the state back in the form (after back/forward). */
export function versFormulaire(etat, form) {
  form.querySelectorAll('input[name="service"]').forEach((c) => { c.checked = etat.service.includes(c.value); });
  form.elements.namedItem('departement').value = etat.departement[0] ?? '';
  form.elements.namedItem('label').value = etat.label;
  form.elements.namedItem('q').value = etat.q;
  form.elements.namedItem('ou').value = etat.ou;
}
