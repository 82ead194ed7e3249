import type { HeavyAnswer, HeavyJob } from './api';
import type { HeavyRunner } from './load';

/**
 * Edge (Chrome): the heavy jobs run in the compiler's document, an offscreen document whose worker holds the heavy
 * code (entrypoints/compiler/, lib/heavy/relay.ts, lib/heavy/serve.ts), not in the service worker (#23). The
 * document is opened for a job, kept for the next ones a while, and closes itself. A job and its answer are plain
 * data; the network stays here (a refresh's downloads are the service worker's: lib/registry/download-sources.ts).
 */

/** The key a job travels under (`{ [HEAVY_MESSAGE]: job }`): the relay answers nothing else. */
export const HEAVY_MESSAGE = 'ospoLensHeavyJob';
/** The compiler's document, at the extension's root (Chrome builds only). */
export const COMPILER_DOCUMENT = 'compiler.html';

export type HeavyReply = { ok: true; value: unknown } | { ok: false; error: string };

export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

export function isHeavyReply(value: unknown): value is HeavyReply {
  const v = value as Partial<Record<'ok' | 'error', unknown>> | null | undefined;
  return !!v && typeof v === 'object' && (v.ok === true || (v.ok === false && typeof v.error === 'string'));
}

/** The answer Chrome gives when no document is there to receive a message (it closed itself meanwhile). */
const NOT_THERE = /receiving end does not exist/i;

/**
 * Each job: the document opened if it is not (one opening shared by the jobs that wait for it; one already open, left
 * by a worker that stopped or kept from a job before, is used), then sent the job. The document closes itself when it
 * has had no job for a while (lib/heavy/relay.ts); a job sent just as it closed is sent once more, to a new one.
 */
export function remoteRunner(sendMessage: (message: unknown) => Promise<unknown>, offscreen: Pick<OffscreenApi, 'createDocument'>): HeavyRunner {
  let opening: Promise<void> | undefined;
  const open = () =>
    (opening ??= offscreen
      .createDocument({
        url: COMPILER_DOCUMENT,
        reasons: ['WORKERS'],
        justification: 'Compiles the registry of public bodies in a worker, away from the service worker.',
      })
      .catch((error: unknown) => {
        if (/single offscreen/i.test(String((error as Error)?.message))) return;
        throw error;
      })
      .finally(() => {
        opening = undefined;
      }));
  const send = async (job: HeavyJob) => {
    await open();
    return sendMessage({ [HEAVY_MESSAGE]: job });
  };
  const run = async <J extends HeavyJob>(job: J): Promise<HeavyAnswer<J>> => {
    const reply = await send(job).catch((error: unknown) => {
      if (NOT_THERE.test(String((error as Error)?.message))) return send(job);
      throw error;
    });
    if (!isHeavyReply(reply)) throw new Error('the compiler document did not answer');
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as HeavyAnswer<J>;
  };
  // Opened ahead of a job (a new document takes 100–200 ms, its worker's script included).
  return Object.assign(run, { warm: () => void open().catch(() => undefined) });
}
