import type { z } from 'zod';

/**
 * A zod schema's own rules, run without zod's machinery, for the values that pass them (#23: zod was a third of the
 * compile at ten times the accounts, most of it the bookkeeping around each check, not the checks).
 *
 * Derived from the schema itself (its definition: the same regexes, lengths, enum values and refine functions), so it
 * cannot drift from it. It only ever says "valid, and this is what zod would give": for anything else (a failing
 * check, a key zod would strip, a construct it does not know) it says nothing, and the caller asks zod, which gives
 * the value or the reason. `tests/unit/fast-check.test.ts` checks that zod agrees on every real item and on
 * generated ones.
 */
export type FastCheck = (value: unknown) => { value: unknown } | undefined;

const CACHE = new WeakMap<object, FastCheck | null>();

/** The fast check of a schema, or undefined when it uses something this does not know (then zod alone checks). */
export function fastCheckOf(schema: z.ZodType): FastCheck | undefined {
  let f = CACHE.get(schema);
  if (f === undefined) CACHE.set(schema, (f = derive(schema) ?? null));
  return f ?? undefined;
}

/** Parse with the fast check when it passes, else with zod (same result either way). */
export function safeParseFast<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const hit = fastCheckOf(schema)?.(value);
  return hit ? { success: true, data: hit.value as z.output<T> } : schema.safeParse(value);
}

type Def = { type: string; checks?: Array<{ _zod: { def: CheckDef } }>; [k: string]: unknown };
type CheckDef = { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; fn?: (v: unknown) => unknown; tx?: (v: unknown) => unknown };

const ok = (value: unknown) => ({ value });

/** One check as a test of a value that already has the right type (true: it passes), or undefined for a check it does not know. */
function checkOf(def: CheckDef): ((v: string | unknown[]) => boolean) | undefined {
  switch (def.check) {
    case 'min_length':
      return (v) => v.length >= def.minimum!;
    case 'max_length':
      return (v) => v.length <= def.maximum!;
    case 'string_format': {
      if (def.format !== 'regex' || !(def.pattern instanceof RegExp)) return undefined;
      const pattern = def.pattern;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    }
    // A transform of the value (`trim`): only a value it leaves as it is goes the fast way.
    case 'overwrite':
      return typeof def.tx === 'function' ? (v) => def.tx!(v) === v : undefined;
    // A refine: its own function, which must answer `true` (a promise or anything else: zod decides).
    case 'custom':
      return typeof def.fn === 'function' ? (v) => def.fn!(v) === true : undefined;
    default:
      return undefined;
  }
}

function checksOf(def: Def): Array<(v: never) => boolean> | undefined {
  const checks = (def.checks ?? []).map((c) => checkOf(c._zod.def));
  return checks.every((c) => c !== undefined) ? (checks as Array<(v: never) => boolean>) : undefined;
}

function derive(schema: z.ZodType): FastCheck | undefined {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const checks = checksOf(def);
  if (!checks) return undefined;
  const passes = (v: unknown) => {
    for (let i = 0; i < checks.length; i++) if (!checks[i]!(v as never)) return false;
    return true;
  };
  switch (def.type) {
    case 'string':
      if (def.coerce) return undefined;
      return (v) => (typeof v === 'string' && passes(v) ? ok(v) : undefined);
    case 'boolean':
      return checks.length ? undefined : (v) => (typeof v === 'boolean' ? ok(v) : undefined);
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return checks.length ? undefined : (v) => (values.has(v) ? ok(v) : undefined);
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return checks.length ? undefined : (v) => (values.has(v) ? ok(v) : undefined);
    }
    case 'optional':
    case 'nullable': {
      const inner = derive(def.innerType as z.ZodType);
      const empty = def.type === 'optional' ? undefined : null;
      return inner && !checks.length ? (v) => (v === empty ? ok(v) : inner(v)) : undefined;
    }
    case 'array': {
      const element = derive(def.element as z.ZodType);
      if (!element) return undefined;
      return (v) => {
        if (!Array.isArray(v) || !passes(v)) return undefined;
        const out: unknown[] = [];
        for (const item of v) {
          const r = element(item);
          if (!r) return undefined;
          out.push(r.value);
        }
        return ok(out);
      };
    }
    case 'object':
      return objectCheck(def, passes);
    default:
      return undefined;
  }
}

/**
 * An object as zod makes it: a new object with the shape's keys in the shape's order, then (a loose schema) the other
 * keys in the input's order. A key outside the shape of a schema that is not loose goes to zod (which strips it, or
 * refuses it).
 */
function objectCheck(def: Def, passes: (v: unknown) => boolean): FastCheck | undefined {
  const catchall = def.catchall === undefined ? undefined : (def.catchall as { _zod: { def: Def } })._zod.def.type;
  if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'never') return undefined;
  const loose = catchall === 'unknown';
  const shape = def.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const checks: FastCheck[] = [];
  const optional: boolean[] = [];
  for (const key of keys) {
    const f = derive(shape[key]!);
    if (!f) return undefined;
    checks.push(f);
    optional.push((shape[key] as unknown as { _zod: { def: Def } })._zod.def.type === 'optional');
  }
  const known = new Set(keys);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
    const input = v as Record<string, unknown>;
    let extra: string[] | undefined;
    for (const key in input) if (!known.has(key)) (extra ??= []).push(key);
    if (extra && !loose) return undefined;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!(key in input)) {
        if (optional[i]) continue;
        return undefined;
      }
      const r = checks[i]!(input[key]);
      if (!r) return undefined;
      out[key] = r.value;
    }
    if (extra) for (const key of extra) out[key] = input[key];
    return passes(out) ? ok(out) : undefined;
  };
}
