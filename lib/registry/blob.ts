import { asciiJson, packRegistry, registryOfRows, type PackedRegistry } from './pack';
import type { CompiledRegistry } from './schema';

/**
 * The stored registry as one binary record (#23: a cold lookup at ten times the accounts ≤ 30 ms). The packed
 * registry (lib/registry/pack.ts) laid out so that a woken worker parses almost nothing before it answers:
 *
 * - `OLR1`, then the length of a small ASCII JSON head: the schema version, the date, the registry's other tables
 *   (`rest`: OSPOs, hosts, sources…), and where each section below starts, counted from the end of the head;
 * - the strings, each as its ASCII JSON literal one after the other, and their bounds (`Uint32Array`): a string is
 *   decoded when a row asks for it;
 * - the rows' cells (`Uint16Array`, or `Uint32Array` past 65,535 strings) and where each row starts;
 * - the rows in the order of their lower-case keys (`PackedRows.order`; none when the rows are in that order, as
 *   the compiler sorts them): a binary search finds a page's keys.
 *
 * At ten times the accounts, the rows as JSON cost 9–38 ms to parse and the table of keys 17–46 ms; here both are
 * gone. Typed arrays are read in the platform's byte order, which the magic number checks; the blob is only ever
 * read where it was written (the extension's IndexedDB), and sealed by a digest of these very bytes (seal.ts).
 */
const MAGIC = 0x31524c4f; // "OLR1" read as a little-endian Uint32

interface Head {
  schemaVersion: number;
  generatedAt: string;
  rest: PackedRegistry['rest'];
  count: number;
  strings: number;
  wide: boolean;
  /** The rows are in the order of their keys: no order section. */
  sorted: boolean;
  /** Byte offsets of the sections after the head (at the next multiple of 4): [strings, bounds, cells, rowStarts, order, end]. */
  at: [number, number, number, number, number, number];
}

const align = (n: number) => (n + 3) & ~3;

export function registryBlob(registry: CompiledRegistry): Uint8Array {
  const p = packRegistry(registry);
  const literals = p.strings.map((s) => asciiJson(JSON.stringify(s)));
  const bounds = new Uint32Array(literals.length + 1);
  for (let i = 0; i < literals.length; i++) bounds[i + 1] = bounds[i]! + literals[i]!.length;
  const wide = p.strings.length > 0xffff;
  const cellCount = p.entries.reduce((n, row) => n + row.length, 0);
  const cells = wide ? new Uint32Array(cellCount) : new Uint16Array(cellCount);
  const rowStarts = new Uint32Array(p.entries.length + 1);
  p.entries.forEach((row, i) => {
    cells.set(row, rowStarts[i]!);
    rowStarts[i + 1] = rowStarts[i]! + row.length;
  });
  const order = Uint32Array.from(p.sorted ? [] : p.order!); // packRegistry gives one or the other
  const at = [0];
  for (const size of [bounds[literals.length]!, bounds.byteLength, cells.byteLength, rowStarts.byteLength, order.byteLength]) at.push(align(at[at.length - 1]! + size));
  const head: Head = { schemaVersion: p.schemaVersion, generatedAt: p.generatedAt, rest: p.rest, count: p.entries.length, strings: p.strings.length, wide, sorted: !!p.sorted, at: at as Head['at'] };
  const headText = asciiJson(JSON.stringify(head));
  const base = align(8 + headText.length);
  const bytes = new Uint8Array(base + at[5]!);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headText.length, true);
  for (let i = 0; i < headText.length; i++) bytes[8 + i] = headText.charCodeAt(i);
  let o = base + at[0]!;
  for (const literal of literals) for (let i = 0; i < literal.length; i++) bytes[o++] = literal.charCodeAt(i);
  bytes.set(new Uint8Array(bounds.buffer), base + at[1]!);
  bytes.set(new Uint8Array(cells.buffer), base + at[2]!);
  bytes.set(new Uint8Array(rowStarts.buffer), base + at[3]!);
  bytes.set(new Uint8Array(order.buffer), base + at[4]!);
  return bytes;
}

const decoder = new TextDecoder();

/** The registry of a blob, its rows read when asked for; undefined when the bytes are not a blob this code wrote. */
export function registryOfBlob(blob: Uint8Array): CompiledRegistry | undefined {
  // Typed arrays over the bytes need their offsets aligned in the underlying buffer.
  const bytes = blob.byteOffset % 4 === 0 ? blob : blob.slice();
  if (bytes.byteLength < 8) return undefined;
  const { buffer, byteOffset } = bytes;
  if (new Uint32Array(buffer, byteOffset, 1)[0] !== MAGIC) return undefined; // not ours, or another byte order
  const headLength = new DataView(buffer, byteOffset).getUint32(4, true);
  if (8 + headLength > bytes.byteLength) return undefined;
  let head: Head;
  try {
    head = JSON.parse(decoder.decode(bytes.subarray(8, 8 + headLength))) as Head;
  } catch {
    return undefined;
  }
  const { at, count, strings } = head;
  const base = align(8 + headLength);
  if (!Array.isArray(at) || at.length !== 6 || base + at[5] !== bytes.byteLength || at.some((a, i) => !Number.isInteger(a) || a % 4 || (i > 0 && a < at[i - 1]!))) return undefined;
  const off = byteOffset + base;
  let bounds: Uint32Array, cells: Uint16Array | Uint32Array, rowStarts: Uint32Array, order: Uint32Array;
  try {
    bounds = new Uint32Array(buffer, off + at[1], strings + 1);
    cells = head.wide ? new Uint32Array(buffer, off + at[2], (at[3] - at[2]) / 4) : new Uint16Array(buffer, off + at[2], (at[3] - at[2]) / 2);
    rowStarts = new Uint32Array(buffer, off + at[3], count + 1);
    order = new Uint32Array(buffer, off + at[4], head.sorted ? 0 : count);
  } catch {
    return undefined; // a section past its end
  }
  const text = bytes.subarray(base + at[0], base + at[1]);
  const decoded: string[] = [];
  // A lookup decodes its few strings one by one; past a few hundred (the entries read whole), the section is decoded
  // once and cut (ASCII: a byte is a character).
  let asked = 0;
  let whole: string | undefined;
  const literal = (i: number): string => {
    if (whole === undefined && ++asked < 256) return decoder.decode(text.subarray(bounds[i], bounds[i + 1]));
    whole ??= decoder.decode(text);
    return whole.slice(bounds[i], bounds[i + 1]);
  };
  const string = (i: number): string => {
    const l = literal(i);
    return l.includes('\\') ? (JSON.parse(l) as string) : l.slice(1, -1);
  };
  return registryOfRows(head, { count, row: (i) => cells.subarray(rowStarts[i], rowStarts[i + 1]), string: (i) => (decoded[i] ??= string(i)), order: head.sorted ? 'sorted' : order });
}
