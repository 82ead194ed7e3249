import type { ForgeAnswer } from '../forges/api';
import { safeRedirect } from '../registry/source-url';

/** Largest answer read from a forge: licence JSON and publiccode.yml are small. */
const MAX_BYTES = 512 * 1024;

/**
 * Edge: GET a forge URL without cookies or credentials, with a timeout and a size cap; the body is read as text.
 * Only called with URLs built by lib/forges/api.ts for the forge the user is on.
 */
export async function fetchForge(url: string, timeoutMs = 10_000): Promise<ForgeAnswer> {
  const response = await fetch(url, {
    credentials: 'omit',
    redirect: 'follow',
    referrerPolicy: 'no-referrer',
    headers: { Accept: 'application/vnd.github+json, application/json;q=0.9, text/plain;q=0.8, */*;q=0.1' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Followed redirects must end on https on the same host (GitHub's API redirects renamed repositories to itself).
  const redirected = safeRedirect(url, response.url);
  if (redirected) throw new Error(redirected);
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new Error(`answer larger than ${MAX_BYTES} bytes`);
    }
    chunks.push(value);
  }
  const body = new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
  const headers: Record<string, string | undefined> = {};
  for (const name of ['x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after']) headers[name] = response.headers.get(name) ?? undefined;
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, headers };
}
