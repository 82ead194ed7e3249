import { HOST_NAME } from './schema';

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
