import { DISPLAY_NAMES, NONE, UNIDENTIFIED } from './names';
import { POLICIES } from './policies';
import { canonicalId, correctId, fsfLibre, isOsi } from './spdx';

export type LicenceStatus = 'allowed' | 'osi' | 'free' | 'missing' | 'unknown' | 'non-free' | 'not-in-policy';
export type LicenceKind = 'permissive' | 'reciprocal' | null;

/** The `npm run licence -- --json` contract (issue #5); the panel renders the same object. */
export interface LicenceVerdict {
  input: string;
  spdx: string | null;
  status: LicenceStatus;
  kind: LicenceKind;
  osi: boolean;
  fsf: boolean;
}

type Expr = { id: string; exception?: string } | { op: 'AND' | 'OR'; left: Expr; right: Expr };

/** One licence name or id → SPDX id; undefined when it is not one we can name. */
function identify(token: string): string | undefined {
  const t = token.trim();
  const key = t.toLowerCase().replace(/\s+/g, ' ').replace(/\s+(license|licence)$/, '');
  return canonicalId(t) ?? DISPLAY_NAMES.get(key) ?? DISPLAY_NAMES.get(t.toLowerCase()) ?? correctId(t);
}

/** `GPL-3.0+` (the SPDX `+` operator) → `GPL-3.0-or-later` where that id exists, else `<id>+`. */
function orLater(token: string): string | undefined {
  if (!token.endsWith('+')) return undefined;
  const base = canonicalId(token.slice(0, -1));
  if (!base) return undefined;
  return canonicalId(`${base.replace(/-only$/, '')}-or-later`) ?? `${base}+`;
}

/** A small SPDX expression parser: ids, `WITH`, `AND` (binds tighter), `OR`, parentheses. */
function parseExpression(text: string): Expr | undefined {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  function primary(): Expr | undefined {
    const t = tokens[i++];
    if (t === undefined) return undefined;
    if (t === '(') {
      const e = or();
      return tokens[i++] === ')' ? e : undefined;
    }
    const id = canonicalId(t) ?? orLater(t);
    if (!id) return undefined;
    if (peek()?.toUpperCase() === 'WITH') {
      i++;
      const exception = tokens[i++];
      return exception ? { id, exception } : undefined;
    }
    return { id };
  }
  function and(): Expr | undefined {
    let left = primary();
    while (left && peek()?.toUpperCase() === 'AND') {
      i++;
      const right = primary();
      left = right ? { op: 'AND', left, right } : undefined;
    }
    return left;
  }
  function or(): Expr | undefined {
    let left = and();
    while (left && peek()?.toUpperCase() === 'OR') {
      i++;
      const right = and();
      left = right ? { op: 'OR', left, right } : undefined;
    }
    return left;
  }
  const expr = or();
  return expr && i === tokens.length ? expr : undefined;
}

function render(e: Expr, parent?: 'AND' | 'OR'): string {
  if ('id' in e) return e.exception ? `${e.id} WITH ${e.exception}` : e.id;
  const s = `${render(e.left, e.op)} ${e.op} ${render(e.right, e.op)}`;
  return parent && parent !== e.op ? `(${s})` : s;
}

// Best first: an OR takes its best branch (the user may choose it), an AND its worst.
const RANK: Record<LicenceStatus, number> = { allowed: 6, osi: 5, free: 4, 'not-in-policy': 3, unknown: 2, 'non-free': 1, missing: 0 };

type Leaf = Omit<LicenceVerdict, 'input' | 'spdx'>;

function classifyId(id: string, country?: string): Leaf {
  const osi = isOsi(id);
  const fsfFlag = fsfLibre(id);
  const fsf = fsfFlag === true;
  const policy = country ? POLICIES.get(country.toUpperCase()) : undefined;
  // `X+` means "X or later": X itself may be chosen (deprecated GNU ids `GPL-3.0+` included).
  const kind = policy?.allowed.get(id) ?? policy?.allowed.get(id.replace(/\+$/, '-or-later')) ?? policy?.allowed.get(id.replace(/\+$/, ''));
  if (kind) return { status: 'allowed', kind, osi, fsf };
  if (fsfFlag === false && !osi) return { status: 'non-free', kind: null, osi, fsf };
  if (policy) return { status: 'not-in-policy', kind: null, osi, fsf };
  if (osi) return { status: 'osi', kind: null, osi, fsf };
  if (fsf) return { status: 'free', kind: null, osi, fsf };
  return { status: 'unknown', kind: null, osi, fsf };
}

function classifyExpr(e: Expr, country?: string): Leaf {
  if ('id' in e) return classifyId(e.id, country); // an exception only adds permissions
  const a = classifyExpr(e.left, country);
  const b = classifyExpr(e.right, country);
  if (e.op === 'OR') return RANK[a.status] >= RANK[b.status] ? a : b;
  const worst = RANK[a.status] <= RANK[b.status] ? a : b;
  return { ...worst, kind: worst.status === 'allowed' && (a.kind === 'reciprocal' || b.kind === 'reciprocal') ? 'reciprocal' : worst.kind, osi: a.osi && b.osi, fsf: a.fsf && b.fsf };
}

/**
 * A licence as a forge or a file states it → SPDX id and status, for a body of `country` (its policy, if
 * any, decides "allowed"). Pure. Empty means missing; "Other"/"NOASSERTION" mean a licence nobody identified.
 */
export function classifyLicence(input: string, country?: string): LicenceVerdict {
  const text = input.trim();
  const lower = text.toLowerCase().replace(/\s+(license|licence)$/, '');
  if (NONE.has(lower) || NONE.has(text.toLowerCase())) return { input, spdx: null, status: 'missing', kind: null, osi: false, fsf: false };
  if (UNIDENTIFIED.has(lower) || UNIDENTIFIED.has(text.toLowerCase()) || text.length > 300)
    return { input, spdx: null, status: 'unknown', kind: null, osi: false, fsf: false };
  const looksLikeExpression = /[()]|\s(AND|OR|WITH)(\s|$)/.test(text);
  const expr = parseExpression(text) ?? (looksLikeExpression ? undefined : (() => {
    const id = identify(text);
    return id ? ({ id } as Expr) : undefined;
  })());
  if (!expr) return { input, spdx: null, status: 'unknown', kind: null, osi: false, fsf: false };
  return { input, spdx: render(expr), ...classifyExpr(expr, country) };
}
