import { z } from 'zod';
import type { MessageType } from './protocol';

/**
 * The protocol's requests as zod schemas, and who may send each: the background parses every message with these
 * (lib/messaging/server.ts). Only the background imports this module: the content script stays free of zod.
 *
 * `from: 'content'`: content scripts may send it (and the extension's own pages). `from: 'extension'`: only the
 * extension's own pages (popup, options, first run). `sameOrigin`: a content script may only ask about a URL of the
 * page it runs in (these make the background request that page's forge).
 */
const url = z.string().min(1).max(4096);
const none = z.object({});

const pageLicence = z.union([
  z.object({ state: z.literal('named'), text: z.string().max(300), from: z.string().max(100) }).strict(),
  z.object({ state: z.literal('none'), from: z.string().max(100) }).strict(),
]);

export const MESSAGE_RULES = {
  lookup: { from: 'content', request: z.object({ url, kind: z.enum(['repository', 'organisation', 'other']).optional() }) },
  repoFacts: { from: 'content', sameOrigin: true, request: z.object({ url, page: pageLicence.optional() }) },
  publiccode: { from: 'content', sameOrigin: true, request: z.object({ url }) },
  accountProfile: {
    from: 'content',
    sameOrigin: true,
    request: z.object({ url, shown: z.object({ name: z.string().max(300).optional(), email: z.string().max(300).optional(), url: z.string().max(2000).optional() }).strict().optional() }),
  },
  projectVisibility: { from: 'content', sameOrigin: true, request: z.object({ url, projectId: z.string().regex(/^\d{1,20}$/) }) },
  provenance: { from: 'content', request: z.object({ url }) },
  boot: { from: 'content', request: z.object({ url }) },
  pageState: { from: 'content', request: z.object({ publicSector: z.boolean(), name: z.string().max(300).optional() }) },
  contentSettings: { from: 'content', request: none },
  setPanelCollapsed: { from: 'content', request: z.object({ collapsed: z.boolean() }) },
  registryStatus: { from: 'extension', request: none },
  refreshNow: { from: 'extension', request: none },
  settingsChanged: { from: 'extension', request: none },
  search: { from: 'extension', request: z.object({ query: z.string().max(200) }) },
  validateRegistry: { from: 'extension', request: z.object({ url }) },
  clearCaches: { from: 'extension', request: none },
  forgeStatus: { from: 'extension', request: z.object({ url }) },
  knownForges: { from: 'extension', request: none },
  customForges: { from: 'extension', request: none },
  knownLicence: { from: 'extension', request: z.object({ url }) },
  openAudit: { from: 'content', sameOrigin: true, request: z.object({ url }) },
  auditPlan: { from: 'extension', request: z.object({ account: url.optional(), psoId: z.string().max(100).optional(), name: z.string().max(300).optional() }) },
} as const satisfies Record<MessageType, { from: 'content' | 'extension'; sameOrigin?: true; request: z.ZodObject }>;

/** Every message, parsed at once: a `type` the protocol does not have (`constructor`, `__proto__`…) fails here. */
export const messageSchema = z.discriminatedUnion(
  'type',
  Object.entries(MESSAGE_RULES).map(([type, rule]) => rule.request.extend({ type: z.literal(type) }).strict()) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
