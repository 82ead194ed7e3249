import { asciiJson, isPacked, packRegistry, unpackRegistry } from './pack';
import { heavy } from '../heavy/load';
import { REGISTRY_SCHEMA_VERSION, type CompiledRegistry } from './schema';

/**
 * The compiled registry as the extension stores it: its packed JSON in ASCII, as UTF-8 bytes (lib/registry/pack.ts:
 * 281 kB where the plain JSON is 653 kB, so IndexedDB reads, hashes and parses less), sealed with a SHA-256 digest, the schema version
 * and the writer (the extension's version). Only the extension writes its IndexedDB, and it writes only a registry
 * its compiler has validated in full; so a sealed copy that is whole (digest), of this schema and written by this
 * very version is read back with one JSON.parse, without validating every entry again on each start of the service
 * worker (the full zod parse costs ~50 ms at today's size, ~270 ms at ten times). Anything else — an older store (a
 * plain object), another version, a digest that does not match, a truncated or edited text — is validated in full
 * as before, or refused.
 */
export interface SealedRegistry {
  sealed: 1;
  schemaVersion: number;
  writer: string;
  /** Of the UTF-8 bytes of the JSON text. */
  sha256: string;
  /**
   * The JSON text as UTF-8 bytes, every non-ASCII character escaped: hashed as read, decoded to a one-byte string.
   * Encoding the text to hash it cost a cold worker 7–10 ms (#23); older seals kept the text itself (`json`).
   */
  utf8?: Uint8Array;
  json?: string;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sealRegistry(registry: CompiledRegistry, writer: string): Promise<SealedRegistry> {
  const utf8 = new TextEncoder().encode(asciiJson(JSON.stringify(packRegistry(registry))));
  return { sealed: 1, schemaVersion: REGISTRY_SCHEMA_VERSION, writer, sha256: await sha256(utf8), utf8 };
}

function isSealed(value: unknown): value is SealedRegistry {
  const v = value as Partial<SealedRegistry> | null | undefined;
  return !!v && v.sealed === 1 && (v.utf8 instanceof Uint8Array || typeof v.json === 'string') && typeof v.sha256 === 'string' && typeof v.writer === 'string';
}

export type Opened = { registry: CompiledRegistry; checked: 'seal' | 'schema' };

/**
 * The stored registry, if it can be used: trusted by its seal when whole and written by `writer` under this schema,
 * else validated in full (`usableRegistry`); undefined means "use the bundled one".
 */
export async function openStoredRegistry(value: unknown, writer: string): Promise<Opened | undefined> {
  if (!isSealed(value)) {
    // Nothing stored (a first run), or a store of another schema: the bundled one, without loading the validator.
    if ((value as { schemaVersion?: unknown } | null | undefined)?.schemaVersion !== REGISTRY_SCHEMA_VERSION) return undefined;
    const registry = (await heavy()).usableRegistry(value);
    return registry ? { registry, checked: 'schema' } : undefined;
  }
  if (value.schemaVersion !== REGISTRY_SCHEMA_VERSION) return undefined;
  const bytes = value.utf8 instanceof Uint8Array ? value.utf8 : new TextEncoder().encode(value.json);
  if ((await sha256(bytes)) !== value.sha256) return undefined;
  let parsed: unknown;
  try {
    const raw: unknown = JSON.parse(value.utf8 instanceof Uint8Array ? new TextDecoder().decode(value.utf8) : value.json!);
    parsed = isPacked(raw) ? unpackRegistry(raw) : raw;
  } catch {
    return undefined;
  }
  if (value.writer === writer && (parsed as { schemaVersion?: unknown }).schemaVersion === REGISTRY_SCHEMA_VERSION)
    return { registry: parsed as CompiledRegistry, checked: 'seal' };
  // Written by another version of the extension: its compiler's rules may differ from ours.
  const registry = (await heavy()).usableRegistry(parsed);
  return registry ? { registry, checked: 'schema' } : undefined;
}
