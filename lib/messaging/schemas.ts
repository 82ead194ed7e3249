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
const url = z.string().check(z.minLength(1), z.maxLength(4096));
const bounded = (max: number) => z.string().check(z.maxLength(max));
const none = z.object({});

const pageLicence = z.union([
  z.strictObject({ state: z.literal('named'), text: bounded(300), from: bounded(100) }),
  z.strictObject({ state: z.literal('none'), from: bounded(100) }),
]);

export const MESSAGE_RULES = {
  lookup: { from: 'content', request: z.object({ url, kind: z.optional(z.enum(['repository', 'organisation', 'other'])) }) },
  repoFacts: { from: 'content', sameOrigin: true, request: z.object({ url, page: z.optional(pageLicence) }) },
  publiccode: { from: 'content', sameOrigin: true, request: z.object({ url }) },
  accountProfile: {
    from: 'content',
    sameOrigin: true,
    request: z.object({ url, shown: z.optional(z.strictObject({ name: z.optional(bounded(300)), email: z.optional(bounded(300)), url: z.optional(bounded(2000)) })) }),
  },
  projectVisibility: { from: 'content', sameOrigin: true, request: z.object({ url, projectId: z.string().check(z.regex(/^\d{1,20}$/)) }) },
  provenance: { from: 'content', request: z.object({ url }) },
  boot: { from: 'content', request: z.object({ url }) },
  pageState: { from: 'content', request: z.object({ publicSector: z.boolean(), name: z.optional(bounded(300)) }) },
  contentSettings: { from: 'content', request: none },
  setPanelCollapsed: { from: 'content', request: z.object({ collapsed: z.boolean() }) },
  registryStatus: { from: 'extension', request: none },
  refreshNow: { from: 'extension', request: none },
  settingsChanged: { from: 'extension', request: none },
  search: { from: 'extension', request: z.object({ query: bounded(200) }) },
  validateRegistry: { from: 'extension', request: z.object({ url }) },
  clearCaches: { from: 'extension', request: none },
  forgeStatus: { from: 'extension', request: z.object({ url }) },
  knownForges: { from: 'extension', request: none },
  customForges: { from: 'extension', request: none },
  knownLicence: { from: 'extension', request: z.object({ url }) },
  openAudit: { from: 'content', sameOrigin: true, request: z.object({ url }) },
  auditPlan: { from: 'extension', request: z.object({ account: z.optional(url), psoId: z.optional(bounded(100)), name: z.optional(bounded(300)) }) },
} as const satisfies Record<MessageType, { from: 'content' | 'extension'; sameOrigin?: true; request: z.ZodMiniObject }>;

/** Every message, parsed at once: a `type` the protocol does not have (`constructor`, `__proto__`…) fails here. */
export const messageSchema = z.discriminatedUnion(
  'type',
  Object.entries(MESSAGE_RULES).map(([type, rule]) => z.strictObject({ ...rule.request.shape, type: z.literal(type) })) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
);
