/**
 * The compile's fast checks (lib/registry/fast-check.ts, #23) say "valid" only where zod says so, and give exactly
 * what zod gives (the same value, the keys in the same order): on every item of every real source, on every entry
 * of the compiled registry, on generated variants of them, and for constructs they do not know (zod alone then).
 * They must also take almost every real item (else nothing is faster and nothing here would show it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUNDLED_SOURCES_DIR, readSources } from '@/lib/cli/read-sources';
import { compileRegistry, ITEM_SCHEMAS } from '@/lib/registry/compile';
import { fastCheckOf, fastValidOf, pure, safeParseFast } from '@/lib/registry/fast-check';
import { entrySchema, optional } from '@/lib/registry/schema';
import { ACCOUNTS_FILE_SCHEMAS } from '@/lib/registry/sources/codegouvfr-accounts';
import { LEGACY_ENTRY_SCHEMA } from '@/lib/registry/sources/codegouvfr-legacy';
import { parseYaml } from '@/lib/registry/sources/plain-yaml';

const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261202);
fc.configureGlobal({ seed });

const inputs = readSources(BUNDLED_SOURCES_DIR);
const contributions = inputs.flatMap((s) => (s.text === undefined ? [] : [s.def.parse(s.text)]));
const registry = compileRegistry(inputs, 'x');
/** The entries as the compiler checks them: plain objects (a JSON copy), no class instances. */
const entries: unknown[] = JSON.parse(JSON.stringify(registry.entries));

/**
 * zod's answer and the fast one agree: a fast "valid" is zod's success with the very same value and key order; and
 * the answer without the value (`fastValidOf`) is the same answer.
 */
function agree(schema: z.ZodType, item: unknown): boolean {
  const fast = fastCheckOf(schema)?.(item);
  if ((fastValidOf(schema)?.(item) ?? false) !== (fast !== undefined)) return false;
  if (!fast) return true;
  const r = schema.safeParse(item);
  return r.success && JSON.stringify(r.data) === JSON.stringify(fast.value) && (typeof r.data !== 'object' || r.data === null || String(Object.keys(r.data)) === String(Object.keys(fast.value as object)));
}

describe('real items', () => {
  it.each(Object.entries(ITEM_SCHEMAS))('every %s item of every source: zod agrees, and every item zod keeps as it is goes the fast way', (kind, schema) => {
    const items = contributions.flatMap((c) => c[kind as keyof typeof ITEM_SCHEMAS] as unknown[]);
    expect(fastCheckOf(schema), 'the schema is one the fast checks know').toBeDefined();
    for (const item of items) {
      expect(agree(schema, item), JSON.stringify(item)).toBe(true);
      // Where zod changes the item (a trimmed address, a key it strips), zod decides; everywhere else, the fast way.
      const r = schema.safeParse(item);
      const unchanged = r.success && JSON.stringify(r.data) === JSON.stringify(item);
      if (unchanged) expect(fastCheckOf(schema)!(item), JSON.stringify(item)).toBeDefined();
    }
  });
  it('every entry of the compiled registry: zod agrees, all go the fast way', () => {
    expect(entries.length).toBeGreaterThan(2000);
    for (const e of entries) {
      expect(agree(entrySchema, e)).toBe(true);
      expect(fastCheckOf(entrySchema)!(e)).toBeDefined();
    }
  });
});

describe('generated variants', () => {
  const odd = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(' padded ', '', 'x'.repeat(600), 'https://a.fr', 'http://a.fr', 'javascript:alert(1)', '\u202eevil', 'a\u0000b', 'github.com/x', 'FR', 'fr', 'national', '2024-12', 'a@b.fr', 'xn--80ak6aa92e.com'),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.constantFrom('a.fr', 'x', 'B.FR'), { maxLength: 25 }),
  );
  const variant = (items: unknown[]) =>
    fc.tuple(fc.constantFrom(...items), fc.string({ maxLength: 12 }), odd, fc.boolean()).map(([item, extraKey, value, replace]) => {
      const copy = { ...(item as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = replace && keys.length ? keys[Math.abs(extraKey.length * 7) % keys.length]! : extraKey;
      copy[key] = value;
      return copy;
    });
  it('entries with a field changed or added', () => {
    fc.assert(fc.property(variant(entries), (e) => agree(entrySchema, e)), { numRuns: 4000 });
  });
  it.each(Object.entries(ITEM_SCHEMAS))('%s items with a field changed or added', (kind, schema) => {
    const items = contributions.flatMap((c) => c[kind as keyof typeof ITEM_SCHEMAS] as unknown[]);
    if (!items.length) return;
    fc.assert(fc.property(variant(items), (item) => agree(schema, item)), { numRuns: 1000 });
  });
});

describe("the YAML files' values (nulls as absent, dates as text, first option of a union): zod agrees", () => {
  const yaml = (file: string) => parseYaml(readSources(BUNDLED_SOURCES_DIR).find((s) => s.def.file === file)!.text!, { uniqueKeys: false }) as Record<string, unknown>;
  const hosts = Object.values(yaml('fr-codegouvfr/comptes-organismes-publics.yml'));
  const owners = hosts.flatMap((h) => Object.values(((h as { owners?: object }).owners ?? {}) as object));
  const legacy = Object.values(yaml('fr-codegouvfr/comptes-organismes-publics.legacy-2024-08-22.yml'));
  // A host's `owners` is a record, which the fast checks do not know: zod checks the hosts (a few dozen).
  const cases: Array<[string, z.ZodType, unknown[], number]> = [
    ['forge hosts', ACCOUNTS_FILE_SCHEMAS.host, hosts, 0],
    ['owners', ACCOUNTS_FILE_SCHEMAS.owner, owners, 0.95],
    ['2024 entries', LEGACY_ENTRY_SCHEMA, legacy, 0.95],
  ];
  it.each(cases)('every real value of the %s, and almost all go the fast way', (_kind, schema, values, share) => {
    expect(values.length).toBeGreaterThan(20);
    for (const v of values) expect(agree(schema, v), JSON.stringify(v)).toBe(true);
    const fast = values.filter((v) => fastCheckOf(schema)?.(v) !== undefined).length;
    expect(fast / values.length).toBeGreaterThanOrEqual(share);
  });
  const odd = fc.oneof(fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: false }), fc.constantFrom('2024-01-01', ' x ', '', 'https://a.fr', 'db2b74d4-4dbc-4d7d-ba1b-5762e2cb06b8', '00000000-0000-0000-0000-000000000000', 'gitlab'), fc.integer(), fc.array(fc.oneof(fc.constant(null), fc.constantFrom('a', 'db2b74d4-4dbc-4d7d-ba1b-5762e2cb06b8')), { maxLength: 3 }));
  const keys = fc.constantFrom('pso_id', 'floss_policy', 'ospo_url', 'ignored_since', 'forge', 'owners', 'service_of', 'other');
  it.each(cases)('%s with keys set, nulled, dated or taken away', (_kind, schema, values) => {
    const variant = fc.tuple(fc.constantFrom(...values), keys, odd, fc.boolean()).map(([v, key, value, remove]) => {
      if (v === null || typeof v !== 'object') return v;
      const copy = { ...(v as Record<string, unknown>) };
      if (remove) delete copy[key];
      else copy[key] = value;
      return copy;
    });
    fc.assert(fc.property(variant, (v) => agree(schema, v)), { numRuns: 2000 });
  });
  it('nullish and transformed, optional in a union, absent or present: as zod makes it', () => {
    const schema = z.object({ a: optional(z.string()), b: z.union([z.string(), z.date()]).optional(), c: z.string().nullish() });
    for (const v of [{}, { a: null }, { a: undefined }, { a: 'x' }, { b: new Date(0) }, { b: new Date(NaN) }, { b: 1 }, { c: null }, { c: undefined }, { a: 1 }]) expect(agree(schema, v), JSON.stringify(v)).toBe(true);
    expect(fastCheckOf(schema)!({ a: null })).toEqual({ value: { a: undefined } });
    expect(Object.keys(fastCheckOf(schema)!({ a: null })!.value as object)).toEqual(['a']);
    expect(Object.keys(fastCheckOf(schema)!({})!.value as object)).toEqual([]);
    // Optional in but not out: an absent key is run, and what it gives (or its failure) counts.
    const ran = z.object({ a: z.string().optional().pipe(z.string()), b: z.string().optional().transform(pure((v: string | undefined) => v ?? 'none')) });
    for (const v of [{}, { a: 'x' }, { a: 'x', b: 'y' }, { a: undefined }]) expect(agree(ran, v), JSON.stringify(v)).toBe(true);
    expect(fastValidOf(ran)!({})).toBe(false);
    expect(fastCheckOf(ran)!({ a: 'x' })).toEqual({ value: { a: 'x', b: 'none' } });
  });
});

describe('what the fast checks do not know goes to zod', () => {
  it.each([
    ['a union', z.union([z.string(), z.number()])],
    ['an exclusive union', z.xor([z.string(), z.string().min(2)])],
    ['a transform of its own', z.string().transform((s) => s.toUpperCase())],
    ['a pipe into a transform of its own', z.string().nullish().transform((v) => v ?? undefined)],
    ['a coerced date', z.coerce.date()],
    ['a transform', z.string().transform((s) => s.toUpperCase())],
    ['a default', z.object({ a: z.string().default('x') })],
    ['a coercion', z.coerce.string()],
    ['a number', z.number()],
    ['a catch-all of strings', z.object({ a: z.string() }).catchall(z.string())],
    ['a format other than a regex', z.string().email()],
  ])('%s', (_name, schema) => {
    expect(fastCheckOf(schema as z.ZodType)).toBeUndefined();
    expect(safeParseFast(schema as z.ZodType, 'x')).toEqual((schema as z.ZodType).safeParse('x'));
  });
  it('an object with checks of its own: the answer without the value runs them on the value zod would make', () => {
    const schema = z.object({ a: z.string(), b: z.string().optional() }).loose().refine((o) => Object.keys(o)[0] === 'a', 'a first');
    expect(fastValidOf(schema)!({ b: 'x', a: 'y' })).toBe(true);
    expect(schema.safeParse({ b: 'x', a: 'y' }).success).toBe(true);
    expect(fastValidOf(schema)!({ b: 'x' })).toBe(false);
    // A key outside the shape: left out as zod's default does, a failure where the object is strict.
    expect(fastValidOf(z.object({ a: z.string() }))!({ a: 'x', b: undefined })).toBe(z.object({ a: z.string() }).safeParse({ a: 'x', b: undefined }).success);
    expect(fastValidOf(z.object({ a: z.string() }).strict())!({ a: 'x', b: undefined })).toBe(false);
    expect(fastValidOf(z.object({ a: z.string(), b: z.string().optional() }))!({ b: undefined, a: 'x' })).toBe(true);
    expect(fastValidOf(z.object({ a: z.string(), b: z.string().optional() }))!({ b: undefined })).toBe(false);
  });
  it('a value a trim would change, an unknown key of a strict object, a refine that fails: zod decides (and says why)', () => {
    const schema = z.object({ a: z.string().trim().refine((s) => s !== 'no', 'said no') });
    const f = fastCheckOf(schema)!;
    expect(f({ a: 'yes' })).toEqual({ value: { a: 'yes' } });
    expect(f({ a: ' yes ' })).toBeUndefined();
    expect(safeParseFast(schema, { a: ' yes ' })).toEqual({ success: true, data: { a: 'yes' } });
    // An unknown key: zod's default leaves it out, and so does the fast way; a strict object's is zod's to refuse.
    expect(f({ a: 'yes', b: 1 })).toEqual({ value: schema.parse({ a: 'yes', b: 1 }) });
    expect(safeParseFast(schema, { a: 'yes', b: 1 })).toEqual({ success: true, data: { a: 'yes' } });
    expect(Object.keys(f({ a: 'yes', b: 1, __proto__x: 2 })!.value as object)).toEqual(['a']);
    expect(fastCheckOf(schema.strict())!({ a: 'yes', b: 1 })).toBeUndefined();
    expect(safeParseFast(schema.strict(), { a: 'yes', b: 1 }).error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(fastCheckOf(z.object({ toString: z.string() }))).toBeUndefined();
    expect(f({ a: 'no' })).toBeUndefined();
    expect(safeParseFast(schema, { a: 'no' }).error?.issues[0]?.message).toBe('said no');
  });
});
