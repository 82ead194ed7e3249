import type { PageKind } from '../forges';

/**
 * The questions the worker's first part answers itself (lib/first/start.ts), read from a message without zod: a
 * forge page's `boot` and a `lookup`, shaped exactly as the protocol's schemas take them (lib/messaging/schemas.ts).
 * Anything else, or anything in doubt, is undefined: the whole worker gets the message and answers it, or refuses it
 * with its reason, as ever. So this can only ever take less than the protocol does. Pure.
 */
export type FirstAsk = { type: 'lookup'; url: string; kind?: PageKind } | { type: 'boot'; url: string };

const KINDS: ReadonlySet<unknown> = new Set<PageKind>(['repository', 'organisation', 'other']);

export function firstAsk(message: unknown): FirstAsk | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message) || Object.getPrototypeOf(message) !== Object.prototype) return undefined;
  const m = message as Record<string, unknown>;
  const keys = Object.keys(m);
  const { type, url } = m;
  if (typeof url !== 'string' || url.length < 1 || url.length > 4096) return undefined;
  if (type === 'boot') return keys.length === 2 && Object.hasOwn(m, 'url') ? { type, url } : undefined;
  if (type !== 'lookup') return undefined;
  if (keys.length === 2 && Object.hasOwn(m, 'url')) return { type, url };
  if (keys.length === 3 && Object.hasOwn(m, 'url') && Object.hasOwn(m, 'kind') && KINDS.has(m.kind)) return { type, url, kind: m.kind as PageKind };
  return undefined;
}
