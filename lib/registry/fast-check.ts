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
/** Does the value pass the fast check (what `FastCheck` would give a value for), without making that value? */
export type FastValid = (value: unknown) => boolean;

/** A schema's fast check as it is derived: `build` makes zod's value (or FAIL); `valid` only answers whether it would. */
interface Derived {
  build: (value: unknown) => unknown;
  valid: FastValid;
}
const FAIL: unique symbol = Symbol('fails');
/** What an absent key gives: nothing (the key stays absent). */
const SKIP: unique symbol = Symbol('absent');

const PURE = new WeakSet<(value: never) => unknown>();
/**
 * A transform the fast checks may run themselves: a function of the value alone (it does not use zod's context, adds
 * no issue, has no effect and makes no object). Anything else in a schema sends its values to zod.
 */
export function pure<F extends (value: never) => unknown>(fn: F): F {
  PURE.add(fn);
  return fn;
}

const CACHE = new WeakMap<object, Derived | null>();
function derivedOf(schema: z.ZodType): Derived | undefined {
  let d = CACHE.get(schema);
  if (d === undefined) CACHE.set(schema, (d = derive(schema) ?? null));
  return d ?? undefined;
}

const CHECKS = new WeakMap<Derived, FastCheck>();
/** The fast check of a schema, or undefined when it uses something this does not know (then zod alone checks). */
export function fastCheckOf(schema: z.ZodType): FastCheck | undefined {
  const d = derivedOf(schema);
  if (!d) return undefined;
  let f = CHECKS.get(d);
  if (!f)
    CHECKS.set(
      d,
      (f = (value) => {
        const out = d.build(value);
        return out === FAIL ? undefined : { value: out };
      }),
    );
  return f;
}

/**
 * Whether the fast check passes a value, without making zod's value (#23: where only the answer is used, as for a
 * source's items, which are kept as they are). Undefined when the fast check does not know the schema.
 */
export function fastValidOf(schema: z.ZodType): FastValid | undefined {
  return derivedOf(schema)?.valid;
}

/** Parse with the fast check when it passes, else with zod (same result either way). */
export function safeParseFast<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const d = derivedOf(schema);
  const out = d ? d.build(value) : FAIL;
  return out !== FAIL ? { success: true, data: out as z.output<T> } : schema.safeParse(value);
}

type Def = { type: string; checks?: Array<{ _zod: { def: CheckDef } }>; [k: string]: unknown };
type CheckDef = { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; fn?: (v: unknown) => unknown; tx?: (v: unknown) => unknown };

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

/** A value zod gives as it is (a string, a boolean, one of some values): building it is checking it. */
const itself = (valid: FastValid): Derived => ({ valid, build: (v) => (valid(v) ? v : FAIL) });

function derive(schema: z.ZodType): Derived | undefined {
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
      return itself((v) => typeof v === 'string' && passes(v));
    case 'boolean':
      return checks.length ? undefined : itself((v) => typeof v === 'boolean');
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return checks.length ? undefined : itself((v) => values.has(v));
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return checks.length ? undefined : itself((v) => values.has(v));
    }
    case 'optional':
    case 'nullable': {
      const inner = derive(def.innerType as z.ZodType);
      const empty = def.type === 'optional' ? undefined : null;
      return inner && !checks.length ? { valid: (v) => v === empty || inner.valid(v), build: (v) => (v === empty ? v : inner.build(v)) } : undefined;
    }
    case 'array': {
      const element = derive(def.element as z.ZodType);
      if (!element) return undefined;
      return {
        valid: (v) => {
          if (!Array.isArray(v) || !passes(v)) return false;
          for (const item of v) if (!element.valid(item)) return false;
          return true;
        },
        build: (v) => {
          if (!Array.isArray(v) || !passes(v)) return FAIL;
          const out: unknown[] = [];
          for (const item of v) {
            const r = element.build(item);
            if (r === FAIL) return FAIL;
            out.push(r);
          }
          return out;
        },
      };
    }
    case 'date':
      return checks.length || def.coerce ? undefined : itself((v) => v instanceof Date && !Number.isNaN(v.getTime()));
    case 'union': {
      // The first option that takes the value gives it (not an exclusive or a discriminated union: zod decides those).
      const traits = (schema as unknown as { _zod: { traits: Set<string> } })._zod.traits;
      if (checks.length || def.inclusive === false || traits.has('$ZodXor') || traits.has('$ZodDiscriminatedUnion')) return undefined;
      const options = (def.options as z.ZodType[]).map(derive);
      if (!options.length || options.some((o) => !o)) return undefined;
      const all = options as Derived[];
      return {
        valid: (v) => all.some((o) => o.valid(v)),
        build: (v) => {
          for (const o of all) {
            const r = o.build(v);
            if (r !== FAIL) return r;
          }
          return FAIL;
        },
      };
    }
    case 'pipe': {
      // The value the first schema gives goes through the second.
      const first = derive(def.in as z.ZodType);
      const then = derive(def.out as z.ZodType);
      if (checks.length || !first || !then) return undefined;
      const build = (v: unknown) => {
        const r = first.build(v);
        return r === FAIL ? FAIL : then.build(r);
      };
      return { build, valid: (v) => build(v) !== FAIL };
    }
    case 'transform': {
      const fn = def.transform as (value: never) => unknown;
      return checks.length || !PURE.has(fn) ? undefined : { build: (v) => fn(v as never), valid: () => true };
    }
    case 'object':
      return objectCheck(def, checks.length > 0, passes);
    default:
      return undefined;
  }
}

/**
 * An object as zod makes it: a new object with the shape's keys in the shape's order, then (a loose schema) the other
 * keys in the input's order. A key outside the shape is kept (loose), left out (zod's default: stripped), or a failure
 * (strict), as zod does.
 */
function objectCheck(def: Def, checked: boolean, passes: (v: unknown) => boolean): Derived | undefined {
  const catchall = def.catchall === undefined ? undefined : (def.catchall as { _zod: { def: Def } })._zod.def.type;
  if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'never') return undefined;
  const loose = catchall === 'unknown';
  const strict = catchall === 'never';
  const shape = def.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  // zod reads a shape's key through the prototype (`toString`, `__proto__`): only other keys are followed here.
  if (keys.some((key) => key in Object.prototype) || Object.getOwnPropertySymbols(shape).length) return undefined;
  const fields: Derived[] = [];
  /** What zod makes of each key when it is absent: nothing (SKIP), a failure (FAIL: a required key), or a value. */
  const absent: unknown[] = [];
  for (const key of keys) {
    const f = derive(shape[key]!);
    const onAbsent = f && absentOf(shape[key]!, f);
    if (!f || onAbsent === undefined) return undefined;
    fields.push(f);
    absent.push(onAbsent.value);
  }
  const required = absent.filter((a) => a === FAIL).length;
  const position = new Map(keys.map((key, i) => [key, i]));
  const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
  const build = (v: unknown) => {
    if (!plain(v)) return FAIL;
    // One pass over the input's own keys (#23: asking the input for each key of the shape cost more than the checks).
    const found: unknown[] = new Array(keys.length).fill(FAIL);
    let extra: string[] | undefined;
    for (const key in v) {
      const i = position.get(key);
      if (i === undefined) {
        if (strict) return FAIL;
        if (loose) (extra ??= []).push(key);
        continue;
      }
      const r = fields[i]!.build(v[key]);
      if (r === FAIL) return FAIL;
      found[i] = r;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = found[i] !== FAIL ? found[i] : absent[i];
      if (value === FAIL) return FAIL;
      if (value !== SKIP) out[keys[i]!] = value;
    }
    if (extra) for (const key of extra) out[key] = v[key];
    return passes(out) ? out : FAIL;
  };
  // The object's own checks see the object zod makes: only without them is the answer given without making it.
  if (checked) return { build, valid: (v) => build(v) !== FAIL };
  const valid = (v: unknown) => {
    if (!plain(v)) return false;
    let present = 0;
    for (const key in v) {
      const i = position.get(key);
      if (i === undefined) {
        if (strict) return false;
        continue;
      }
      if (!fields[i]!.valid(v[key])) return false;
      if (absent[i] === FAIL) present++;
    }
    return present === required;
  };
  return { build, valid };
}

/**
 * What zod's object makes of a key that is absent from its input (zod's `handlePropertyResult`): an optional schema
 * (in and out) leaves it absent; a schema that is not optional-in fails; any other (`nullish().transform(…)`) is run
 * on undefined, its failure is a failure unless it is optional-out, and its value is kept unless undefined. Undefined
 * for what this does not follow (a default, a value that is an object).
 */
function absentOf(schema: z.ZodType, field: Derived): { value: unknown } | undefined {
  const { optin, optout } = (schema as unknown as { _zod: { optin?: string; optout?: string } })._zod;
  if (optin === 'optional' && optout === 'optional') return { value: SKIP };
  if (optin === undefined) return { value: FAIL };
  if (optin !== 'optional') return undefined;
  const r = field.build(undefined);
  if (r === FAIL) return { value: optout === 'optional' ? SKIP : FAIL };
  if (r === undefined) return { value: SKIP };
  return typeof r === 'object' || typeof r === 'function' ? undefined : { value: r };
}
