import type { browser } from 'wxt/browser';
import { isMessage, type Message, type MessageType, type Protocol, type Reply } from './protocol';

/** Who sent a message: its tab, for a content script. */
export interface Sender {
  tab?: { id?: number };
}

export type Handlers = { [T in MessageType]: (request: Message<T>, sender: Sender) => Protocol[T]['response'] | Promise<Protocol[T]['response']> };

/**
 * The background's one listener. Uses `sendResponse` + `return true` so the same code works with the
 * polyfill, native `browser` and WXT's fake browser in unit tests.
 */
export function serve(runtime: typeof browser.runtime, handlers: Handlers): void {
  runtime.onMessage.addListener(((message: unknown, sender: Sender, sendResponse: (reply: Reply<MessageType>) => void) => {
    if (!isMessage(message) || !(message.type in handlers)) return false;
    const handler = handlers[message.type] as (m: Message, s: Sender) => unknown;
    Promise.resolve()
      .then(() => handler(message, sender ?? {}))
      .then(
        (value) => sendResponse({ ok: true, value } as Reply<MessageType>),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  }) as never);
}
