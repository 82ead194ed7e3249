import { browser } from 'wxt/browser';
import type { Message, MessageType, Protocol, Reply } from './protocol';

/** Ask the background. Rejects with a readable error on timeout or when the background fails. */
export async function ask<T extends MessageType>(
  type: T,
  request: Protocol[T]['request'],
  timeoutMs = 15_000,
): Promise<Protocol[T]['response']> {
  const message = { type, ...request } as Message<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the background after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const reply = (await Promise.race([browser.runtime.sendMessage(message), timeout])) as Reply<T> | undefined;
    if (!reply) throw new Error('the background did not answer');
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  } finally {
    clearTimeout(timer);
  }
}
