import { HOST_NAME } from './checks';

/**
 * Is a URL fit to download a registry source from? Checked where sources are built (the background), not only
 * in the options page: https only, no credentials, a host name (no IP literal, no port). Loopback over http is
 * allowed only when a test asks for it.
 */
export function safeSourceUrl(raw: string, options: { allowLoopback?: boolean } = {}): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL' };
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (loopback && options.allowLoopback) return url.protocol === 'https:' || url.protocol === 'http:' ? { ok: true, url } : { ok: false, reason: 'only https URLs' };
  if (url.protocol !== 'https:') return { ok: false, reason: 'only https URLs' };
  if (url.port) return { ok: false, reason: 'no port' };
  if (!HOST_NAME.test(url.hostname)) return { ok: false, reason: 'not a host name (IP addresses are refused)' };
  return { ok: true, url };
}

/** A download's final URL after redirects: still https (or allowed loopback), and on the same host it was asked from. */
export function safeRedirect(asked: string, final: string, options: { allowLoopback?: boolean } = {}): string | undefined {
  if (!final || final === asked) return undefined;
  const f = safeSourceUrl(final, options);
  if (!f.ok) return `redirected to an unsafe URL (${f.reason})`;
  let askedHost: string;
  try {
    askedHost = new URL(asked).host;
  } catch {
    return 'not a URL';
  }
  return f.url.host === askedHost ? undefined : `redirected to another host (${f.url.host})`;
}

/** Redirects followed at most, each one checked before it is asked. */
export const MAX_REDIRECTS = 3;

/**
 * `fetch` with every redirect checked BEFORE it is followed (https, a host name, the same host): the target of a
 * refused redirect is never asked. Where the runtime hides the target (an extension's `fetch` gives an opaque
 * redirect), the redirect is refused outright. Throws an Error whose message is the reason.
 */
export async function fetchCheckingRedirects(fetchImpl: typeof fetch, url: string, init: RequestInit, options: { allowLoopback?: boolean } = {}): Promise<Response> {
  let at = url;
  for (let hop = 0; ; hop++) {
    const response = await fetchImpl(at, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') throw new Error('redirected (refused: the target cannot be checked before it is asked)');
    if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
    const location = response.headers.get('location');
    if (!location) throw new Error(`HTTP ${response.status} without a target`);
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    let next: string;
    try {
      next = new URL(location, at).href;
    } catch {
      throw new Error('redirected to something that is not a URL');
    }
    const refused = safeRedirect(url, next, options);
    if (refused) throw new Error(refused);
    await response.body?.cancel().catch(() => undefined);
    at = next;
  }
}
