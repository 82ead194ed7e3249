import type { ForgeAnswer } from '../forges/api';
import { fetchCheckingRedirects } from '../registry/source-url';

/** Largest answer read from a forge: licence JSON and publiccode.yml are small. */
const MAX_BYTES = 512 * 1024;

/**
 * Edge: GET a forge URL without cookies or credentials, with a timeout and a size cap; the body is read as text.
 * Only called with URLs built by lib/forges/api.ts for the forge the user is on.
 */
export async function fetchForge(url: string, timeoutMs = 10_000, maxBytes = MAX_BYTES): Promise<ForgeAnswer> {
  // A redirect is followed only after it is checked (https, same host: GitHub's API redirects a renamed repository
  // to itself); where the browser hides its target, it is refused and the licence is "unknown for now".
  const response = await fetchCheckingRedirects(globalThis.fetch.bind(globalThis), url, {
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { Accept: 'application/vnd.github+json, application/json;q=0.9, text/plain;q=0.8, */*;q=0.1' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`answer larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const body = new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
  const headers: Record<string, string | undefined> = {};
  for (const name of ['x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'date']) headers[name] = response.headers.get(name) ?? undefined;
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, headers };
}
