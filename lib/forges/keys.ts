/** Registry keys are lower-case `host[/segment…]`, no scheme, no `www.`, no trailing slash. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

export function segmentsOf(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s; // a malformed escape stays as written: it simply will not match
      }
    });
}

/** `host/a/b/c` → [`host/a/b/c`, `host/a/b`, `host/a`, `host`]. */
export function candidateKeys(host: string, path: string): string[] {
  const keys = [host];
  if (path) {
    let key = host;
    for (const seg of path.toLowerCase().split('/')) keys.push((key = `${key}/${seg}`));
  }
  return keys.reverse();
}
