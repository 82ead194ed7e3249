import type { PageKind } from '../forges';
import type { LookupResult } from '../registry/lookup';

/** The one protocol between the extension's pages, content scripts and the background. */
export interface Protocol {
  /** What the registry says about a page URL. `kind` is the page kind the DOM confirmed, when it knows better. */
  lookup: { request: { url: string; kind?: PageKind }; response: LookupResult };
  /** What the registry is: for footers and the popup. */
  registryStatus: { request: Record<string, never>; response: RegistryStatus };
}

export interface RegistryStatus {
  generatedAt: string;
  entries: number;
  ospos: number;
  sources: Array<{ id: string; title: string; kept: number; rejected: number; error?: string }>;
  origin: 'bundled';
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = { type: T } & Protocol[T]['request'];
export type Reply<T extends MessageType> = { ok: true; value: Protocol[T]['response'] } | { ok: false; error: string };

export function isMessage(value: unknown): value is Message {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}
