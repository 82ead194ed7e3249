import { extensionHeavyEnv } from './env';
import { localRunner, type HeavyRunner } from './load';
import { remoteRunner, type OffscreenApi } from './remote';

/**
 * Edge: where this browser runs the heavy jobs. Chrome (with the `offscreen` permission): the compiler's document,
 * away from the service worker. Firefox, whose background is a page: in that page, the heavy script loaded on demand.
 */
export interface ChromeLike {
  runtime?: { sendMessage(message: unknown): Promise<unknown> };
  offscreen?: OffscreenApi;
}

export function extensionRunner(chrome: ChromeLike | undefined, origin: string): HeavyRunner {
  const { runtime, offscreen } = chrome ?? {};
  if (runtime && typeof offscreen?.createDocument === 'function') return remoteRunner((message) => runtime.sendMessage(message), offscreen);
  return localRunner(extensionHeavyEnv(origin));
}
