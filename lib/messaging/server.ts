import type { browser } from 'wxt/browser';
import type { Message, MessageType, Protocol, Reply } from './protocol';
import { MESSAGE_RULES, parseMessage } from './schemas';

/** Who sent a message: its tab and the URL of its frame (a web page for content scripts, the extension's own page otherwise). */
export interface Sender {
  tab?: { id?: number; url?: string };
  url?: string;
}

export type Handlers = { [T in MessageType]: (request: Message<T>, sender: Sender) => Protocol[T]['response'] | Promise<Protocol[T]['response']> };

/** What a content script is told when something fails: never an upstream body or an internal detail. */
export const GENERIC_ERROR = 'the extension could not answer';

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The background's one dispatcher, pure: a message is parsed (zod, its type's strict schema), its sender
 * checked against the message's rule, then handled. Handlers are looked up in a Map of the protocol's own types.
 * `extensionOrigin`: e.g. `chrome-extension://<id>`; a sender whose frame URL starts with it is the extension's own page.
 */
export function createDispatcher(handlers: Handlers, extensionOrigin: string) {
  const table = new Map<string, (m: Message, s: Sender) => unknown>(Object.keys(MESSAGE_RULES).map((type) => [type, handlers[type as MessageType] as (m: Message, s: Sender) => unknown]));
  const trusted = (sender: Sender) => !!sender.url && (sender.url === extensionOrigin || sender.url.startsWith(`${extensionOrigin}/`));

  return async function dispatch(message: unknown, sender: Sender): Promise<Reply<MessageType>> {
    const fromExtension = trusted(sender);
    const parsed = parseMessage(message);
    if (!parsed.success) return { ok: false, error: fromExtension ? `invalid message: ${parsed.reason}` : GENERIC_ERROR };
    const request = parsed.data as unknown as Message;
    const rule = MESSAGE_RULES[request.type];
    if (!fromExtension) {
      if (rule.from !== 'content') return { ok: false, error: GENERIC_ERROR };
      // A content script asks only about its own page's forge: the URL must be of its frame's origin.
      if (rule.sameOrigin && originOf((request as { url?: string }).url) !== originOf(sender.url)) return { ok: false, error: GENERIC_ERROR };
    }
    try {
      const value = await table.get(request.type)!(request, sender);
      return { ok: true, value } as Reply<MessageType>;
    } catch (error) {
      return { ok: false, error: fromExtension ? (error instanceof Error ? error.message : String(error)) : GENERIC_ERROR };
    }
  };
}

/**
 * The background's one listener. Uses `sendResponse` + `return true` so the same code works with the polyfill,
 * native `browser` and WXT's fake browser in unit tests.
 */
export function serve(runtime: typeof browser.runtime, handlers: Handlers, extensionOrigin = runtime.getURL('/').replace(/\/$/, '')): void {
  const dispatch = createDispatcher(handlers, extensionOrigin);
  runtime.onMessage.addListener(((message: unknown, sender: Sender, sendResponse: (reply: Reply<MessageType>) => void) => {
    void dispatch(message, sender ?? {}).then(sendResponse);
    return true;
  }) as never);
}
