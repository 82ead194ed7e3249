import { registryBlob, registryOfBlob } from './blob';
import { isPacked, unpackRegistry } from './pack';
import { runHeavy } from '../heavy/load';
import { REGISTRY_SCHEMA_VERSION } from './checks';
import type { CompiledRegistry } from './schema';

/**
 * The compiled registry as the extension stores it: packed (lib/registry/pack.ts) into one binary record
 * (lib/registry/blob.ts), sealed with a SHA-256 digest, the schema version and the writer (the extension's version).
 * Only the extension writes its IndexedDB, and it writes only a registry its compiler has validated in full; so a
 * sealed copy that is whole (digest), of this schema and written by this very version is read back as it is (its
 * rows and strings read when a lookup asks for them), without validating every entry again on each start of the service
 * worker (the full zod parse costs ~50 ms at today's size, ~270 ms at ten times). Anything else — an older store (a
 * plain object), another version, a digest that does not match, a truncated or edited text — is validated in full
 * as before, or refused.
 */
export interface SealedRegistry {
  sealed: 1;
  schemaVersion: number;
  writer: string;
  /** Of the stored bytes (`blob`; in older seals `utf8`, or the UTF-8 of `json`). */
  sha256: string;
  /**
   * The registry as one binary record (lib/registry/blob.ts): hashed as read, its rows and strings read when a
   * lookup asks for them. Older seals kept its packed JSON text, as ASCII bytes (`utf8`) or as text (`json`); they
   * still open by their digest.
   */
  blob?: Uint8Array;
  utf8?: Uint8Array;
  json?: string;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sealRegistry(registry: CompiledRegistry, writer: string): Promise<SealedRegistry> {
  const blob = registryBlob(registry);
  return { sealed: 1, schemaVersion: REGISTRY_SCHEMA_VERSION, writer, sha256: await sha256(blob), blob };
}

/** The bytes a seal's digest is of. */
function sealedBytes(v: SealedRegistry): Uint8Array {
  return v.blob ?? v.utf8 ?? new TextEncoder().encode(v.json);
}

function isSealed(value: unknown): value is SealedRegistry {
  const v = value as Partial<SealedRegistry> | null | undefined;
  return !!v && v.sealed === 1 && (v.blob instanceof Uint8Array || v.utf8 instanceof Uint8Array || typeof v.json === 'string') && typeof v.sha256 === 'string' && typeof v.writer === 'string';
}

/** The registry a seal holds (its digest checked before): a blob, or the packed JSON of older seals. */
function parseSealed(v: SealedRegistry): unknown {
  if (v.blob) return registryOfBlob(v.blob);
  const raw: unknown = JSON.parse(v.utf8 instanceof Uint8Array ? new TextDecoder().decode(v.utf8) : v.json!);
  return isPacked(raw) ? unpackRegistry(raw) : raw;
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
    const registry = await runHeavy({ job: 'usable', value });
    return registry ? { registry, checked: 'schema' } : undefined;
  }
  if (value.schemaVersion !== REGISTRY_SCHEMA_VERSION) return undefined;
  if ((await sha256(sealedBytes(value))) !== value.sha256) return undefined;
  let parsed: unknown;
  try {
    parsed = parseSealed(value);
  } catch {
    return undefined;
  }
  if (!parsed) return undefined;
  if (value.writer === writer && (parsed as { schemaVersion?: unknown }).schemaVersion === REGISTRY_SCHEMA_VERSION)
    return { registry: parsed as CompiledRegistry, checked: 'seal' };
  // Written by another version of the extension: its compiler's rules may differ from ours.
  const registry = await runHeavy({ job: 'usable', value: parsed });
  return registry ? { registry, checked: 'schema' } : undefined;
}
