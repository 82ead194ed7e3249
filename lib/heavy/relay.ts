import type { HeavyJob } from './api';
import { FIRST_PART_SCRIPT } from '../first/script';
import { HEAVY_MESSAGE, type HeavyReply } from './remote';

/**
 * Edge (Chrome): the compiler's document (entrypoints/compiler/) passes the service worker's jobs to its worker and
 * the answers back. Every page of the extension and every content script's message reaches this document too: it
 * answers only a job sent by the extension's own service worker (no tab, the worker's URL), and nothing else. It
 * closes itself `IDLE_MS` after its last answer, with no job waiting: kept that long, the next page's publiccode.yml
 * is read in ~3 ms instead of ~100 ms for a new document; closed by itself, it outlives no service worker for long.
 */
export const IDLE_MS = 30_000;
export interface RelayRuntime {
  id: string;
  getURL(path: string): string;
  onMessage: { addListener(listener: (message: unknown, sender: RelaySender, respond: (reply: HeavyReply) => void) => boolean | undefined): void };
}
export interface RelaySender {
  id?: string;
  url?: string;
  tab?: unknown;
}
export interface WorkerLike {
  postMessage(message: { id: number; job: HeavyJob }): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

/** The worker's answer to job `id`. */
export type WorkerReply = HeavyReply & { id: number };

/** The extension's own service worker (an offscreen document cannot read the manifest: the script's name is shared). */
export function fromServiceWorker(runtime: Pick<RelayRuntime, 'id' | 'getURL'>, sender: RelaySender): boolean {
  return sender.id === runtime.id && sender.tab === undefined && sender.url === runtime.getURL(FIRST_PART_SCRIPT);
}

export function startRelay(runtime: RelayRuntime, worker: WorkerLike, close: () => void): void {
  const waiting = new Map<number, (reply: HeavyReply) => void>();
  let next = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const closeWhenIdle = () => {
    clearTimeout(idle);
    if (waiting.size === 0) idle = setTimeout(close, IDLE_MS);
  };
  const answer = (id: number, reply: HeavyReply) => {
    const respond = waiting.get(id);
    if (!respond) return;
    waiting.delete(id);
    respond(reply);
    closeWhenIdle();
  };
  worker.addEventListener('message', ({ data }) => {
    const reply = data as { id?: unknown; ok?: unknown; value?: unknown; error?: unknown } | null;
    if (typeof reply?.id !== 'number') return;
    answer(reply.id, reply.ok === true ? { ok: true, value: reply.value } : { ok: false, error: String(reply.error ?? 'the compiler failed') });
  });
  // The worker's script failed (it could not load, or threw outside a job): every job waiting is told, and the document
  // closes, so that the next job opens a new one instead of waiting on this worker.
  worker.addEventListener('error', (event) => {
    for (const id of [...waiting.keys()]) answer(id, { ok: false, error: `the compiler's worker failed: ${event.message ?? 'unknown error'}` });
    clearTimeout(idle);
    close();
  });
  runtime.onMessage.addListener((message, sender, respond) => {
    const job = (message as Record<string, unknown> | null)?.[HEAVY_MESSAGE] as HeavyJob | undefined;
    if (job === undefined || !fromServiceWorker(runtime, sender)) return undefined;
    const id = ++next;
    clearTimeout(idle);
    waiting.set(id, respond);
    worker.postMessage({ id, job });
    return true;
  });
  // Opened for a job that never came (its worker stopped first): closed all the same.
  closeWhenIdle();
}
