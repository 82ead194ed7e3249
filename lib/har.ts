/**
 * Recorded forge answers (HTTP Archive 1.2, what browsers' devtools and Playwright's `routeFromHAR` write), replayed
 * by the commands that would ask a forge (`lookup --har`, `audit:org --har`; DESIGN.md §5). Every request is answered
 * from the file only: same method and URL, query parameters compared as a set; a request the file lacks is answered
 * 404 and counted; nothing reaches the network. Pure.
 */
import type { ForgeAnswer } from './forges/api';

interface HarEntry {
  request: { method: string; url: string };
  response: { status: number; headers?: Array<{ name: string; value: string }>; content?: { text?: string; mimeType?: string; encoding?: string } };
}

export interface Har {
  log: { version?: string; creator?: { name: string; version?: string }; entries: HarEntry[] };
}

/** A URL's identity for matching: origin and path, then its query parameters as a sorted set. */
export function requestKey(method: string, url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams].map(([k, v]) => `${k}=${v}`).sort();
  return `${method.toUpperCase()} ${u.origin}${u.pathname}?${params.join('&')}`;
}

export interface HarReplay {
  /** Answer a request as the recording does (404 when it has none). */
  answer(url: string, method?: string): ForgeAnswer;
  /** Every request asked, in order. */
  asked: string[];
  /** The requests the recording did not have (answered 404). */
  missed: string[];
}

/** A HAR file's text → a replay; throws on what is not HAR 1.2. */
export function replayHar(text: string): HarReplay {
  const har = JSON.parse(text) as Har;
  if (!har?.log || !Array.isArray(har.log.entries)) throw new Error('not an HTTP Archive (HAR 1.2): no log.entries');
  const answers = new Map<string, HarEntry['response']>();
  for (const e of har.log.entries) if (e?.request?.url && e.response) answers.set(requestKey(e.request.method ?? 'GET', e.request.url), e.response);
  const replay: HarReplay = {
    asked: [],
    missed: [],
    answer(url, method = 'GET') {
      replay.asked.push(url);
      const r = answers.get(requestKey(method, url));
      if (!r) {
        replay.missed.push(url);
        return { status: 404, contentType: 'application/json', body: '{"message":"Not Found (not in the recording)"}', headers: {} };
      }
      const headers: Record<string, string | undefined> = {};
      for (const h of r.headers ?? []) headers[h.name.toLowerCase()] = h.value;
      const raw = r.content?.text ?? '';
      const body = r.content?.encoding === 'base64' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      return { status: r.status, contentType: headers['content-type'] ?? r.content?.mimeType ?? '', body, headers };
    },
  };
  return replay;
}

/** A HAR 1.2 file from recorded answers (tests and tools write the recordings this way). */
export function writeHar(entries: ReadonlyArray<{ url: string; status?: number; json?: unknown; text?: string; headers?: Record<string, string> }>): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'ospo-lens', version: '1' },
      entries: entries.map((e) => {
        const text = e.text ?? JSON.stringify(e.json ?? {});
        const mimeType = e.text !== undefined ? 'text/plain' : 'application/json; charset=utf-8';
        const headers = Object.entries({ 'content-type': mimeType, ...e.headers }).map(([name, value]) => ({ name, value }));
        return {
          startedDateTime: '2026-12-01T00:00:00.000Z',
          time: 0,
          request: { method: 'GET', url: e.url, httpVersion: 'HTTP/2', headers: [], queryString: [...new URL(e.url).searchParams].map(([name, value]) => ({ name, value })), cookies: [], headersSize: -1, bodySize: 0 },
          response: { status: e.status ?? 200, statusText: '', httpVersion: 'HTTP/2', headers, cookies: [], content: { size: text.length, mimeType, text }, redirectURL: '', headersSize: -1, bodySize: text.length },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
        } as unknown as HarEntry;
      }),
    },
  };
}
