// The search field as an accessible combobox (ARIA 1.2 list autocomplete): commune names and postcodes
// resolve on the portal; a full address asks the national address API (BAN) from the browser, and the
// page says plainly when that service cannot be reached.
const ADRESSE = /\d/;

export function creerRecherche({ input, liste, communesUrl, adresseUrl, choisir, signaler }) {
  let options = [];
  let active = -1;
  let minuteur = null;
  let demande = 0;

  const fermer = () => {
    liste.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const activer = (i) => {
    active = i;
    liste.querySelectorAll('[role="option"]').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `suggestion-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const afficher = (q) => {
    liste.replaceChildren();
    options.forEach((o, i) => {
      const li = document.createElement('li');
      li.id = `suggestion-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = o.texte;
      li.addEventListener('mousedown', (e) => { e.preventDefault(); valider(i); });
      liste.append(li);
    });
    const ouvert = options.length > 0 && document.activeElement === input && input.value.trim() === q;
    liste.hidden = !ouvert;
    input.setAttribute('aria-expanded', String(ouvert));
  };

  async function suggestions(q) {
    const numero = ++demande;
    const reponse = await fetch(`${communesUrl}?q=${encodeURIComponent(q)}`);
    if (!reponse.ok || numero !== demande) return;
    const communes = await reponse.json();
    options = communes.map((c) => ({
      texte: `${c.nom} (${c.departement}) — ${c.codes_postaux.slice(0, 3).join(', ')}`,
      choix: { ou: `${c.nom} (${c.departement})`, lat: c.lat, lon: c.lon },
    }));
    if (adresseUrl && ADRESSE.test(q) && q.includes(' ')) options.push({ texte: `Adresse : « ${q} »`, adresse: q });
    activer(-1);
    afficher(q);
  }

  async function adresse(q) {
    try {
      const reponse = await fetch(`${adresseUrl}?q=${encodeURIComponent(q)}&limit=1`, { signal: AbortSignal.timeout(5000) });
      if (!reponse.ok) throw new Error(`HTTP ${reponse.status}`);
      const f = (await reponse.json()).features?.[0];
      if (!f) { signaler(`Aucune adresse trouvée pour « ${q} ».`); return null; }
      const [lon, lat] = f.geometry.coordinates;
      return { ou: f.properties.label, lat, lon };
    } catch {
      signaler('Le service national d’adresses (Base Adresse Nationale) ne répond pas : cherchez plutôt une commune ou un code postal.');
      return null;
    }
  }

  async function valider(i) {
    const o = options[i];
    fermer();
    if (!o) return;
    const choix = o.adresse ? await adresse(o.adresse) : o.choix;
    if (choix) {
      input.value = choix.ou;
      choisir(choix);
    }
  }

  /** Resolves what was typed when the form is sent without choosing a suggestion. */
  async function resoudre() {
    const q = input.value.trim();
    if (q.length < 2) return null;
    const reponse = await fetch(`${communesUrl}?q=${encodeURIComponent(q)}&limit=1`);
    const communes = reponse.ok ? await reponse.json() : [];
    if (communes.length) return { ou: `${communes[0].nom} (${communes[0].departement})`, lat: communes[0].lat, lon: communes[0].lon };
    if (adresseUrl && ADRESSE.test(q)) return adresse(q);
    signaler(`Aucune commune ne correspond à « ${q} ». Essayez un autre nom ou un code postal.`);
    return null;
  }

  input.addEventListener('input', () => {
    clearTimeout(minuteur);
    const q = input.value.trim();
    if (q.length < 2) { options = []; fermer(); return; }
    minuteur = setTimeout(() => suggestions(q).catch(() => {}), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && options.length) { e.preventDefault(); liste.hidden = false; input.setAttribute('aria-expanded', 'true'); activer((active + 1) % options.length); }
    else if (e.key === 'ArrowUp' && options.length) { e.preventDefault(); activer(active <= 0 ? options.length - 1 : active - 1); }
    else if (e.key === 'Enter' && active >= 0 && !liste.hidden) { e.preventDefault(); valider(active); }
    else if (e.key === 'Escape') fermer();
  });
  input.addEventListener('blur', () => setTimeout(fermer, 100));

  return { resoudre };
}
