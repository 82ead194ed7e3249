/**
 * A source's account URL → registry key. Handles the quirks of the sources: scheme or none, `www.`,
 * case, trailing slashes, `.git`, GitHub's `orgs/X/repositories`, GitLab's `groups/X` and `/-/…`.
 * Returns undefined for what is not an http(s) URL or a bare host (credentials or a port: not an account either).
 */
export function accountKey(raw: string): string | undefined {
  const input = raw.trim();
  if (!input || /\s/.test(input)) return undefined;
  const url = plainUrl(input) ?? parsedUrl(input);
  if (!url) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // `x@gouv.fr?…` reads as a user on gouv.fr: an address with credentials or a port is no account of any forge.
  if (url.username || url.password || url.port) return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (!host.includes('.')) return undefined;
  let segs = url.pathname.toLowerCase().split('/').filter(Boolean);
  const dash = segs.indexOf('-');
  if (dash !== -1) segs = segs.slice(0, dash);
  if (host === 'github.com' && segs[0] === 'orgs' && segs[1]) segs = [segs[1]];
  else if (segs[0] === 'groups' && segs.length > 1) segs = segs.slice(1);
  if (segs.length > 0) segs[segs.length - 1] = segs[segs.length - 1]!.replace(/\.git$/, '');
  if (host === 'github.com') segs = segs.slice(0, 2);
  const path = segs.filter(Boolean);
  return path.length ? `${host}/${path.join('/')}` : host;
}

type UrlParts = Pick<URL, 'protocol' | 'username' | 'password' | 'port' | 'hostname' | 'pathname'>;

/** What the URL parser makes of the input (no scheme: `https://`), or undefined when it is no URL. */
export function parsedUrl(input: string): UrlParts | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`);
  } catch {
    return undefined;
  }
}

/**
 * The same parts without the URL parser, for the plain addresses the sources are made of (#23: parsing every account
 * URL was a tenth of the compile at ten times the accounts): `http(s)://` or none, a host of ASCII letters, digits,
 * hyphens and dots, a path of forge-name characters. Undefined for anything else, which the URL parser reads: an IP
 * address or a number-like last label, punycode, a port, credentials, a query, `.` or `..` segments, escapes.
 */
export function plainUrl(input: string): UrlParts | undefined {
  const m = PLAIN_URL.exec(input);
  if (!m) return undefined;
  const [, scheme, host, path] = m;
  if (NOT_PLAIN_HOST.test(host!) || /\/\.{1,2}(?=\/|$)/.test(path!)) return undefined;
  return { protocol: `${scheme ?? 'https'}:`, username: '', password: '', port: '', hostname: host!.toLowerCase(), pathname: path || '/' };
}
/** Hosts the URL parser rewrites or checks: punycode, and a number-like last label (an IPv4 address to it). */
const NOT_PLAIN_HOST = /(?:^|\.)(?:xn--|(?:0x[0-9a-f]*|[0-9]+)\.?$)/i;
const PLAIN_URL = /^(?:(https?):\/\/)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)((?:\/[A-Za-z0-9._~+-]*)*)$/;

/**
 * The host name the URL parser gives an `http(s)://` address whose host is plain (ASCII letters, digits, hyphens,
 * dots; no punycode, no number-like last label), without the parser; undefined for any other address.
 */
export function plainHostOf(url: string): string | undefined {
  // `^https?://([A-Za-z0-9.-]+)(?:[/?#\\]|$)`, read character by character (#23: the match a regular expression makes
  // was most of what a compile at ten times the accounts allocated).
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (start < 0) return undefined;
  let end = start;
  while (end < url.length && PLAIN_HOST_CHAR(url.charCodeAt(end))) end++;
  if (end === start || (end < url.length && !HOST_END(url.charCodeAt(end)))) return undefined;
  const host = url.slice(start, end);
  return NOT_PLAIN_HOST.test(host) ? undefined : host.toLowerCase();
}
/** A-Z, a-z, 0-9, `.` and `-`. */
const PLAIN_HOST_CHAR = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
/** `/`, `?`, `#` or `\`: what may follow a host. */
const HOST_END = (c: number) => c === 47 || c === 63 || c === 35 || c === 92;
