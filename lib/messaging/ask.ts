import { isReply, type Message, type MessageType, type Protocol, type Reply } from './protocol';

export type Ask = <T extends MessageType>(type: T, request: Protocol[T]['request'], timeoutMs?: number) => Promise<Protocol[T]['response']>;

/**
 * Ask the background over `send` (a promise-returning `runtime.sendMessage`). Rejects with a readable error on
 * timeout or when the background fails. The extension's pages send with the polyfill (lib/messaging/client.ts); the
 * content script with the platform's own API (lib/content/native.ts), so the page evaluates no polyfill (#23).
 */
export function createAsk(send: (message: unknown) => Promise<unknown>): Ask {
  return async function ask<T extends MessageType>(type: T, request: Protocol[T]['request'], timeoutMs = 15_000): Promise<Protocol[T]['response']> {
    const message = { type, ...request } as Message<T>;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the background after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const reply: unknown = await Promise.race([send(message), timeout]);
      if (!isReply(reply)) throw new Error('the background did not answer');
      if (!reply.ok) throw new Error(reply.error);
      return (reply as Extract<Reply<T>, { ok: true }>).value;
    } finally {
      clearTimeout(timer);
    }
  };
}
