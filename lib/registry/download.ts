/**
 * Download one registry source the careful way: conditional request, timeout covering the whole body,
 * size cap, and checks that an HTML error page or a cut-off answer is never taken for data.
 * Works with any `fetch` (the browser's, Node's); pure otherwise.
 */
import { fetchCheckingRedirects } from './source-url';
export type Download =
  | { kind: 'fresh'; text: string; etag?: string; lastModified?: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; reason: string };

export interface DownloadOptions {
  format: 'yaml' | 'json' | 'csv' | 'markdown' | 'text';
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Tests only: a source on 127.0.0.1 over http. */
  allowLoopback?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export async function download(fetchImpl: typeof fetch, url: string, o: DownloadOptions): Promise<Download> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const accept = { json: 'application/json', yaml: 'application/yaml, text/yaml, text/plain;q=0.9', csv: 'text/csv, text/plain;q=0.9', markdown: 'text/markdown, text/plain;q=0.9', text: 'text/plain' };
    const headers: Record<string, string> = { Accept: accept[o.format] };
    if (o.etag) headers['If-None-Match'] = o.etag;
    if (o.lastModified) headers['If-Modified-Since'] = o.lastModified;
    // Each redirect is checked before it is followed: https, on the same host (source-url.ts).
    let response: Response;
    try {
      response = await fetchCheckingRedirects(fetchImpl, url, { headers, credentials: 'omit', signal: controller.signal, cache: 'no-cache' }, { allowLoopback: o.allowLoopback });
    } catch (e) {
      if (controller.signal.aborted) throw e;
      const reason = (e as Error).message;
      return { kind: 'failed', reason: /^(redirected|more than|HTTP 3)/.test(reason) ? reason : `network error: ${reason}` };
    }
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.status !== 200) return { kind: 'failed', reason: `HTTP ${response.status}` };
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type)) return { kind: 'failed', reason: `got ${type.split(';')[0]} instead of ${o.format.toUpperCase()}` };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'failed', reason: `too large (${declared} bytes > ${maxBytes})` };
    const reader = response.body?.getReader();
    if (!reader) return { kind: 'failed', reason: 'no body' };
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'failed', reason: `too large (more than ${maxBytes} bytes)` };
      }
      chunks.push(value);
    }
    if (Number.isFinite(declared) && declared > 0 && size < declared) return { kind: 'failed', reason: `truncated (${size} of ${declared} bytes)` };
    const text = new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, size));
    const first = text.trimStart()[0];
    if (first === '<') return { kind: 'failed', reason: `got HTML instead of ${o.format.toUpperCase()}` };
    if (o.format === 'json' && first !== '{' && first !== '[') return { kind: 'failed', reason: 'not JSON' };
    if (!text.trim()) return { kind: 'failed', reason: 'empty file' };
    return { kind: 'fresh', text, etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
  } catch (e) {
    const error = e as Error;
    return { kind: 'failed', reason: controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `network error: ${error.message}` };
  } finally {
    clearTimeout(timer);
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
