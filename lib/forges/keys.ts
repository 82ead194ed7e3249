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
  const segs = path ? path.toLowerCase().split('/') : [];
  const keys: string[] = [];
  for (let i = segs.length; i >= 0; i--) keys.push([host, ...segs.slice(0, i)].join('/'));
  return keys;
}
