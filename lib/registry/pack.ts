import type { REGISTRY_SCHEMA_VERSION } from './checks';
import type { CompiledRegistry, Entry } from './schema';

/**
 * The bundled snapshot, packed: the compiled registry with every string in one table and each entry as a short
 * row of indices. Two to three times smaller than the plain JSON, so the grown world registry keeps the
 * background small (README: Performance). Lossless: `unpackRegistry(packRegistry(r))` equals `r` (tested).
 */
export interface PackedRegistry {
  packed: 1;
  schemaVersion: number;
  generatedAt: string;
  /** Every string of the entries; index 0 is "absent". */
  strings: string[];
  /** One row per entry: see ENTRY_FIELDS; trailing absent fields are cut. */
  entries: number[][];
  rest: Omit<CompiledRegistry, 'entries' | 'schemaVersion' | 'generatedAt'>;
  /** Row indices in the order of their lower-case keys (`PackedRows.order`)… */
  order?: number[];
  /** …or the rows are in that order themselves. Neither in older files: a table of the keys is built then. */
  sorted?: true;
}

/** Entry fields in row order (after the key). `display` is stored only when it is not `https://` + the key. */
const ENTRY_FIELDS = ['display', 'name', 'nameSource', 'country', 'international', 'level', 'psoId', 'flossPolicy', 'ospo', 'openSourcePage', 'ignoredSince', 'sources', 'levelFrom', 'contactEmail', 'contactUrl', 'contactDate', 'category', 'platform'] as const;

export function packRegistry(registry: CompiledRegistry): PackedRegistry {
  const strings: string[] = [''];
  const at = new Map<string, number>([['', 0]]);
  const intern = (s: string | undefined): number => {
    if (s === undefined) return 0;
    let i = at.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      at.set(s, i);
    }
    return i;
  };
  const entries = registry.entries.map((e) => {
    // Most displays are the key as the forge spells it (`https://github.com/MinBZK`): that spelling is stored in the
    // key's place (keys are lower case) and the display costs nothing.
    const spelt = e.display.startsWith('https://') && e.display.slice(8).toLowerCase() === e.key ? e.display.slice(8) : undefined;
    const row = [intern(spelt ?? e.key)];
    for (const field of ENTRY_FIELDS) {
      if (field === 'display') row.push(spelt !== undefined ? 0 : intern(e.display));
      else if (field === 'sources') row.push(intern(e.sources.join(' ')));
      else row.push(intern(e[field] as string | undefined));
    }
    while (row.length > 1 && row[row.length - 1] === 0) row.pop();
    return row;
  });
  const { entries: _e, schemaVersion: _v, generatedAt, ...rest } = registry;
  const order = lowerKeyOrder(registry.entries.map((e) => e.key));
  // The compiler sorts the entries by key, so the order is most often the rows' own: a flag then, not a list.
  const sorted = order.every((row, j) => row === j);
  return { packed: 1, schemaVersion: registry.schemaVersion, generatedAt, strings, entries, rest, ...(sorted ? { sorted } : { order }) };
}

function unpackRow(str: (i: number) => string, row: ArrayLike<number>): Entry {
  const spelt = str(row[0]!);
  const e: Record<string, unknown> = { key: spelt.toLowerCase() };
  ENTRY_FIELDS.forEach((field, i) => {
    const v = i + 1 < row.length ? row[i + 1]! : 0;
    if (field === 'display') e.display = v ? str(v) : `https://${spelt}`;
    else if (field === 'sources') e.sources = v ? str(v).split(' ') : [];
    else if (v) e[field] = str(v);
  });
  return e as Entry;
}

/** An entry by its key: what a lookup needs of the entries (a Map, or the rows of a packed registry). */
export interface EntryTable {
  get(key: string): Entry | undefined;
}

const TABLE = Symbol('ospo-lens.entryTable');

/** The entries by key of a registry unpacked by `unpackRegistry`, without unpacking the others. */
export function entryTableOf(registry: CompiledRegistry): EntryTable | undefined {
  return (registry as { [TABLE]?: EntryTable })[TABLE];
}

/** The rows of a packed registry, however they are kept: JSON arrays (the bundled file), or typed arrays (lib/registry/blob.ts). */
export interface PackedRows {
  count: number;
  /** Row `i`: the indices of its strings (see ENTRY_FIELDS). */
  row(i: number): ArrayLike<number>;
  /** String `i` of the table. */
  string(i: number): string;
  /**
   * The row indices in the order of their lower-case keys, or `sorted` when the rows are in that order: a lookup then
   * finds a key by a binary search, without building a table of every key first (17–46 ms at ten times the
   * accounts, #23).
   */
  order?: ArrayLike<number> | 'sorted';
}

const lowerKeyOrder = (keys: readonly string[]): number[] =>
  keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));

function keyFinder(rows: PackedRows): (key: string) => number | undefined {
  const { order } = rows;
  const keyOf = (i: number) => rows.string(rows.row(i)[0]!).toLowerCase();
  if (!order) {
    let keys: Map<string, number> | undefined;
    return (key) => {
      if (!keys) {
        keys = new Map();
        for (let i = 0; i < rows.count; i++) keys.set(keyOf(i), i);
      }
      return keys.get(key);
    };
  }
  const rowAt = order === 'sorted' ? (j: number) => j : (j: number) => order[j]!;
  const keys: string[] = [];
  const at = (j: number) => (keys[j] ??= keyOf(rowAt(j)));
  return (key) => {
    let lo = 0;
    let hi = rows.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = at(mid);
      if (k === key) return rowAt(mid);
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

/**
 * A compiled registry over packed rows, unpacked when they are asked for (#23): a worker woken for one lookup
 * unpacks the few entries of that page's keys (`entryTableOf`), not all of them (3–12 ms in a cold worker today,
 * 48–80 ms at ten times the accounts in Node). `entries`, read whole (search, the audit, the options), is unpacked
 * then, once; each entry is the same object either way.
 */
export function registryOfRows(head: Pick<PackedRegistry, 'schemaVersion' | 'generatedAt' | 'rest'>, rows: PackedRows): CompiledRegistry {
  const str = (i: number) => rows.string(i);
  const unpacked: Array<Entry | undefined> = [];
  const at = (i: number): Entry => (unpacked[i] ??= unpackRow(str, rows.row(i)));
  const find = keyFinder(rows);
  const table: EntryTable = {
    get(key) {
      const i = find(key);
      return i === undefined ? undefined : at(i);
    },
  };
  let all: Entry[] | undefined;
  const registry = { schemaVersion: head.schemaVersion as typeof REGISTRY_SCHEMA_VERSION, generatedAt: head.generatedAt, ...head.rest } as CompiledRegistry;
  Object.defineProperty(registry, TABLE, { value: table, configurable: true });
  Object.defineProperty(registry, 'entries', {
    enumerable: true,
    configurable: true,
    get: () => (all ??= Array.from({ length: rows.count }, (_, i) => at(i))),
    // Replaced whole: a plain array from then on, and the rows' table no longer speaks for it.
    set(entries: Entry[]) {
      delete (registry as { [TABLE]?: EntryTable })[TABLE];
      Object.defineProperty(registry, 'entries', { value: entries, writable: true, enumerable: true, configurable: true });
    },
  });
  return registry;
}

/** The compiled registry of a packed one (JSON), its rows unpacked when asked for (`registryOfRows`). */
export function unpackRegistry(p: PackedRegistry): CompiledRegistry {
  const s = p.strings;
  const rows = p.entries;
  return registryOfRows(p, { count: rows.length, row: (i) => rows[i]!, string: (i) => s[i]!, order: p.sorted ? 'sorted' : p.order });
}

/**
 * JSON with every character above U+007F written as its `\\uXXXX` escape: the same value, in ASCII. The bundled
 * snapshot and the stored registry are written so: a cold worker decodes and parses them as one-byte text (a cold
 * lookup from the bundled file 84.5 -> 76.1 ms, A/B in one run, #23).
 */
export const asciiJson = (json: string): string => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function isPacked(value: unknown): value is PackedRegistry {
  return !!value && typeof value === 'object' && (value as { packed?: unknown }).packed === 1;
}
