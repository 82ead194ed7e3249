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
import { fastCheckOf, safeParseFast } from '@/lib/registry/fast-check';
import { entrySchema } from '@/lib/registry/schema';

const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261202);
fc.configureGlobal({ seed });

const inputs = readSources(BUNDLED_SOURCES_DIR);
const contributions = inputs.flatMap((s) => (s.text === undefined ? [] : [s.def.parse(s.text)]));
const registry = compileRegistry(inputs, 'x');
/** The entries as the compiler checks them: plain objects (a JSON copy), no class instances. */
const entries: unknown[] = JSON.parse(JSON.stringify(registry.entries));

/** zod's answer and the fast one agree: a fast "valid" is zod's success with the very same value and key order. */
function agree(schema: z.ZodType, item: unknown): boolean {
  const fast = fastCheckOf(schema)?.(item);
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

describe('what the fast checks do not know goes to zod', () => {
  it.each([
    ['a union', z.union([z.string(), z.number()])],
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
  it('a value a trim would change, an unknown key, a refine that fails: zod decides (and says why)', () => {
    const schema = z.object({ a: z.string().trim().refine((s) => s !== 'no', 'said no') });
    const f = fastCheckOf(schema)!;
    expect(f({ a: 'yes' })).toEqual({ value: { a: 'yes' } });
    expect(f({ a: ' yes ' })).toBeUndefined();
    expect(safeParseFast(schema, { a: ' yes ' })).toEqual({ success: true, data: { a: 'yes' } });
    expect(f({ a: 'yes', b: 1 })).toBeUndefined();
    expect(safeParseFast(schema, { a: 'yes', b: 1 })).toEqual({ success: true, data: { a: 'yes' } });
    expect(f({ a: 'no' })).toBeUndefined();
    expect(safeParseFast(schema, { a: 'no' }).error?.issues[0]?.message).toBe('said no');
  });
});
