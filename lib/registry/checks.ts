import * as z from 'zod/mini';
import { plainHostOf } from './account-key';

/**
 * What the service worker checks itself, in `zod/mini` (#23): the registry's schema version, host names, https
 * URLs, display text and e-mail addresses. Each rule is written once, here, as zod's checks: the worker's schemas
 * below use them, and the compiler's (lib/registry/schema.ts, full `zod`) apply the very same checks, so the two can
 * never disagree. The worker's script carries `zod/mini` only (~20 kB where the full `zod` was ~86 kB of it).
 */

/** Bump when the compiled format changes incompatibly; the background discards other versions. */
export const REGISTRY_SCHEMA_VERSION = 3;

/** One DNS label: letters, digits, inner hyphens (IDN labels as punycode, `xn--…`). */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/**
 * A host name: dotted labels, the last one starting with a letter, 253 characters at most. No wildcard, space,
 * port, user, IP literal or trailing dot: a host from the data may become a permission request.
 */
export const HOST_NAME_PATTERN = `(?:${LABEL}\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?`;
export const HOST_NAME = new RegExp(`^(?=.{1,253}$)${HOST_NAME_PATTERN}$`);
export const HOST_NAME_CHECKS = [z.regex(HOST_NAME, 'not a host name (letters, digits, hyphens, dots; IDN as punycode)')];

/**
 * A web address from the data: https only (every upstream URL is; none is documented as http-only), a host name,
 * no credentials, no markup or spaces. Anything else (`javascript:`, `data:`, `http:`) is rejected with its entry.
 */
export const HTTPS_URL_CHECKS = [
  z.trim(),
  z.maxLength(2000),
  z.refine<string>((u) => !/[<>"'`\s\\]/.test(u), 'URL contains markup or spaces'),
  z.refine<string>(isHttpsOnHostName, 'not an https URL on a host name'),
];

/** An https URL whose host is a host name, without credentials or a port. */
export function isHttpsOnHostName(u: string): boolean {
  // `https://` and a plain host (lib/registry/account-key.ts): the URL parser could not fail, and would give that host
  // in lower case (#23: the parser was most of this check's cost).
  const plain = u.startsWith('https://') ? plainHostOf(u) : undefined;
  if (plain !== undefined) return HOST_NAME.test(plain);
  try {
    const url = new URL(u);
    return url.protocol === 'https:' && !url.username && !url.password && !url.port && HOST_NAME.test(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Control characters and bidirectional formatting marks (U+061C, U+200E–F, U+202A–E, U+2066–9): they could make a
 * name read as another one, or reorder what the panel shows next to it.
 */
export const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Display text from a source: plain text, bounded, no control or bidi marks; it is rendered as text, never as HTML. */
export const TEXT_CHECKS = [z.trim(), z.minLength(1), z.maxLength(500), z.refine<string>((t) => !CONTROL_OR_BIDI.test(t), 'contains control or bidirectional formatting characters')];

/**
 * An e-mail address that can go into `mailto:` as is: no query, fragment, percent-escape, comma or space
 * (`x@gouv.fr?bcc=…` is refused).
 */
export const EMAIL_CHECKS = [z.trim(), z.maxLength(254), z.regex(/^[A-Za-z0-9._+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/, 'not a plain e-mail address')];

/** The same rules as schemas of the worker's own (lib/registry/enrich.ts checks a forge profile with them). */
export const httpsUrlCheck = z.string().check(...HTTPS_URL_CHECKS);
export const textCheck = z.string().check(...TEXT_CHECKS);
export const emailCheck = z.string().check(...EMAIL_CHECKS);
