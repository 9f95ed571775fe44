// Content for Leaflet's tooltips as a DOM node, never an HTML string (Leaflet writes a string as HTML):
// names from the data and words from the URL stay text.
export function texte(contenu) {
  const span = document.createElement('span');
  span.textContent = contenu;
  return span;
}
