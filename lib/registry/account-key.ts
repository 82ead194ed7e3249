/**
 * A source's account URL → registry key. Handles the quirks of the sources: scheme or none, `www.`,
 * case, trailing slashes, `.git`, GitHub's `orgs/X/repositories`, GitLab's `groups/X` and `/-/…`.
 * Returns undefined for what is not an http(s) URL or a bare host (credentials or a port: not an account either).
 */
export function accountKey(raw: string): string | undefined {
  const input = raw.trim();
  if (!input || /\s/.test(input)) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // `x@gouv.fr?…` reads as a user on gouv.fr: an address with credentials or a port is no account of any forge.
  if (url.username || url.password || url.port) return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (!host.includes('.')) return undefined;
  let segs = url.pathname.split('/').filter(Boolean).map((s) => s.toLowerCase());
  const dash = segs.indexOf('-');
  if (dash !== -1) segs = segs.slice(0, dash);
  if (host === 'github.com' && segs[0] === 'orgs' && segs[1]) segs = [segs[1]];
  else if (segs[0] === 'groups' && segs.length > 1) segs = segs.slice(1);
  if (segs.length > 0) segs[segs.length - 1] = segs[segs.length - 1]!.replace(/\.git$/, '');
  if (host === 'github.com') segs = segs.slice(0, 2);
  return [host, ...segs.filter(Boolean)].join('/');
}
