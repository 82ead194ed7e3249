/**
 * Is the host page dark? GitHub: `html[data-color-mode]` (`dark`, or `auto` following the system);
 * GitLab: `html.gl-dark`, or `gl-system` following the system. Otherwise the system preference. Pure.
 */
export function isDarkPage(doc: Document, systemDark: boolean): boolean {
  const html = doc.documentElement;
  const mode = html.getAttribute('data-color-mode');
  if (mode === 'dark') return true;
  if (mode === 'light') return false;
  if (html.classList.contains('gl-dark')) return true;
  if (html.classList.contains('gl-light')) return false;
  return systemDark; // `auto`, `gl-system`, or a page that says nothing
}
