import * as z from 'zod/mini';
import type { MessageType } from './protocol';

/**
 * The protocol's requests as zod schemas, and who may send each: the background parses every message with these
 * (lib/messaging/server.ts). Only the background imports this module: the content script stays free of zod. In
 * `zod/mini` (#23): the worker's script carries no full `zod`.
 *
 * `from: 'content'`: content scripts may send it (and the extension's own pages). `from: 'extension'`: only the
 * extension's own pages (popup, options, first run). `sameOrigin`: a content script may only ask about a URL of the
 * page it runs in (these make the background request that page's forge).
 */
const url = () => z.string().check(z.minLength(1), z.maxLength(4096));
const bounded = (max: number) => z.string().check(z.maxLength(max));
const none = () => z.object({});

const pageLicence = () =>
  z.union([
    z.strictObject({ state: z.literal('named'), text: bounded(300), from: bounded(100) }),
    z.strictObject({ state: z.literal('none'), from: bounded(100) }),
  ]);

export interface MessageRule {
  from: 'content' | 'extension';
  sameOrigin?: true;
  /** The request's fields (built at its first use). */
  readonly request: z.ZodMiniObject;
}

/**
 * A rule whose schema is built the first time a message of its type comes (#23): a worker woken for a lookup builds
 * that one schema, not the protocol's 23 and their union (~2 ms of each start, traced). The rules are the same.
 */
function rule(from: MessageRule['from'], build: () => z.ZodMiniObject, sameOrigin?: true): MessageRule {
  let schema: z.ZodMiniObject | undefined;
  return {
    from,
    ...(sameOrigin ? { sameOrigin } : {}),
    get request() {
      return (schema ??= build());
    },
  };
}

export const MESSAGE_RULES: Record<MessageType, MessageRule> = {
  lookup: rule('content', () => z.object({ url: url(), kind: z.optional(z.enum(['repository', 'organisation', 'other'])) })),
  repoFacts: rule('content', () => z.object({ url: url(), page: z.optional(pageLicence()) }), true),
  publiccode: rule('content', () => z.object({ url: url() }), true),
  accountProfile: rule('content', () => z.object({ url: url(), shown: z.optional(z.strictObject({ name: z.optional(bounded(300)), email: z.optional(bounded(300)), url: z.optional(bounded(2000)) })) }), true),
  projectVisibility: rule('content', () => z.object({ url: url(), projectId: z.string().check(z.regex(/^\d{1,20}$/)) }), true),
  provenance: rule('content', () => z.object({ url: url() })),
  boot: rule('content', () => z.object({ url: url() })),
  pageState: rule('content', () => z.object({ publicSector: z.boolean(), name: z.optional(bounded(300)) })),
  contentSettings: rule('content', none),
  setPanelCollapsed: rule('content', () => z.object({ collapsed: z.boolean() })),
  registryStatus: rule('extension', none),
  refreshNow: rule('extension', none),
  settingsChanged: rule('extension', none),
  search: rule('extension', () => z.object({ query: bounded(200) })),
  validateRegistry: rule('extension', () => z.object({ url: url() })),
  clearCaches: rule('extension', none),
  forgeStatus: rule('extension', () => z.object({ url: url() })),
  knownForges: rule('extension', none),
  customForges: rule('extension', none),
  knownLicence: rule('extension', () => z.object({ url: url() })),
  openAudit: rule('content', () => z.object({ url: url() }), true),
  auditPlan: rule('extension', () => z.object({ account: z.optional(url()), psoId: z.optional(bounded(100)), name: z.optional(bounded(300)) })),
};

const messages = new Map<string, z.ZodMiniObject>();

/**
 * A message of one of the protocol's types, parsed by that type's schema: its fields, and nothing else (strict). A
 * `type` the protocol does not have (`constructor`, `__proto__`…: own keys only) or a message that is no object fails
 * here, as in a union of every type's schema, with no schema built for it.
 */
export function parseMessage(message: unknown): { success: true; data: { type: MessageType } } | { success: false; reason: string } {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { success: false, reason: 'not an object' };
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_RULES, type)) return { success: false, reason: 'no such message type' };
  let schema = messages.get(type);
  if (!schema) messages.set(type, (schema = z.strictObject({ ...MESSAGE_RULES[type as MessageType].request.shape, type: z.literal(type) })));
  const parsed = schema.safeParse(message);
  return parsed.success ? { success: true, data: parsed.data as { type: MessageType } } : { success: false, reason: parsed.error.issues[0]?.message ?? '' };
}
