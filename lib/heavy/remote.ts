import type { HeavyAnswer, HeavyJob } from './api';
import type { HeavyRunner } from './load';

/**
 * Edge (Chrome): the heavy jobs run in the compiler's document, an offscreen document whose worker holds the heavy
 * code (entrypoints/compiler/, lib/heavy/relay.ts, lib/heavy/serve.ts), not in the service worker (#23). The
 * document is opened for a job and closed when no job is left. A job and its answer are plain data; the network
 * stays here (a refresh's downloads are the service worker's: lib/registry/download-sources.ts).
 */

/** The key a job travels under (`{ [HEAVY_MESSAGE]: job }`): the relay answers nothing else. */
export const HEAVY_MESSAGE = 'ospoLensHeavyJob';
/** The compiler's document, at the extension's root (Chrome builds only). */
export const COMPILER_DOCUMENT = 'compiler.html';

export type HeavyReply = { ok: true; value: unknown } | { ok: false; error: string };

export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

export function isHeavyReply(value: unknown): value is HeavyReply {
  const v = value as Partial<Record<'ok' | 'error', unknown>> | null | undefined;
  return !!v && typeof v === 'object' && (v.ok === true || (v.ok === false && typeof v.error === 'string'));
}

export function remoteRunner(sendMessage: (message: unknown) => Promise<unknown>, offscreen: OffscreenApi): HeavyRunner {
  let open: Promise<void> | undefined;
  let closing: Promise<void> = Promise.resolve();
  let pending = 0;
  const openDocument = () =>
    offscreen
      .createDocument({
        url: COMPILER_DOCUMENT,
        reasons: ['WORKERS'],
        justification: 'Compiles the registry of public bodies in a worker, away from the service worker.',
      })
      .catch((error: unknown) => {
        // Left open by a worker that stopped meanwhile: it is the same document.
        if (/single offscreen/i.test(String((error as Error)?.message))) return;
        throw error;
      });
  return async <J extends HeavyJob>(job: J): Promise<HeavyAnswer<J>> => {
    pending++;
    try {
      await closing;
      const opening = (open ??= openDocument());
      try {
        await opening;
      } catch (error) {
        if (open === opening) open = undefined;
        throw error;
      }
      const reply = await sendMessage({ [HEAVY_MESSAGE]: job });
      if (!isHeavyReply(reply)) throw new Error('the compiler document did not answer');
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as HeavyAnswer<J>;
    } finally {
      if (--pending === 0 && open) {
        open = undefined;
        closing = offscreen.closeDocument().catch(() => undefined);
      }
    }
  };
}
