import { parse, type ParseOptions } from 'yaml';

/**
 * YAML as the `yaml` package reads it (YAML 1.2, core schema), fast for the plain files the registry's sources are:
 * block mappings and sequences, one-line plain or quoted scalars, plain scalars folded over lines, and literal or
 * folded block scalars. On anything else (flow collections, anchors, tags, directives, several documents, tabs or
 * control characters, a number that is not plain decimal, a duplicate key where keys must be unique, an indentation
 * it does not expect, …) it hands the whole text to `yaml`, so the result, and the error for text that is not YAML,
 * are always `yaml`'s (`tests/unit/plain-yaml.test.ts` compares both on every source file and on edge cases).
 *
 * Why (#23): the `yaml` package reads ~1 MB/s; the compile at ten times the accounts spent most of its time there.
 */
export function parseYaml(text: string, options: { uniqueKeys?: boolean } = {}): unknown {
  const plain = readPlain(text, options.uniqueKeys !== false);
  return plain === UNSUPPORTED ? parse(text, options as ParseOptions) : plain;
}

const UNSUPPORTED: unique symbol = Symbol('unsupported');
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** What the fast reader gives, or UNSUPPORTED (then `yaml` reads the text). Exported for the tests. */
export function readPlain(text: string, uniqueKeys = true): unknown {
  // Control characters (tabs included), carriage returns, a byte-order mark: `yaml` decides what they mean.
  if (/[\u0000-\u0009\u000B-\u001F\u007F\uFEFF]/.test(text)) return UNSUPPORTED;
  try {
    return new Reader(text.split('\n'), uniqueKeys).document();
  } catch (e) {
    if (e instanceof Unsupported) return UNSUPPORTED;
    throw e;
  }
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain scalar by the core schema: null, boolean, decimal number, else the string. */
function resolvePlain(s: string): unknown {
  // Only a word of 5 letters or fewer can be a null or a boolean (#23: a long value is not hashed to find out).
  if (s.length <= 5) {
    if (NULLS.has(s)) return null;
    const b = BOOLEANS.get(s);
    if (b !== undefined) return b;
  }
  const c = s.charCodeAt(0);
  // Digits, signs and dots: a decimal number, or (0o17, 0x1F, .inf, .nan) what `yaml` resolves.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (DECIMAL.test(s)) return Number(s);
    if (/^(?:0o|0x|[-+]?\.inf$|\.nan$)/i.test(s)) unsupported();
  }
  return s;
}

/** Characters that start something other than a plain scalar (or a plain scalar only `yaml` should judge). */
const INDICATORS = new Set(['[', ']', '{', '}', '&', '*', '!', '%', '@', '`', '|', '>', '?', ',', ':', '#', "'", '"']);

interface Line {
  indent: number;
  /** The line without its indentation. */
  body: string;
}

class Reader {
  private readonly lines: Line[];
  private i = 0;

  constructor(raw: string[], private readonly uniqueKeys: boolean) {
    this.lines = raw.map((l) => {
      let n = 0;
      while (l.charCodeAt(n) === 32) n++;
      return { indent: n, body: l.slice(n) };
    });
  }

  document(): unknown {
    this.skipBlank();
    const first = this.lines[this.i];
    if (first && first.indent === 0 && /^---(?:\s|$)/.test(first.body)) {
      const after = first.body.slice(3).trim();
      if (after && !after.startsWith('#')) unsupported(); // a document that starts on the marker's line
      this.i++;
    }
    if (!this.peek()) unsupported(); // an empty document: `yaml` says what it is
    const root = this.block(-1, false);
    if (this.peek()) unsupported();
    return root;
  }

  private blank(l: Line): boolean {
    return l.body === '' || l.body.charCodeAt(0) === 35; // '#'
  }

  private skipBlank(): void {
    while (this.i < this.lines.length && this.blank(this.lines[this.i]!)) this.i++;
  }

  /** The next line with content; a second document or a directive is not read here. */
  private peek(): Line | undefined {
    this.skipBlank();
    const l = this.lines[this.i];
    if (l && l.indent === 0 && (l.body.startsWith('---') || l.body.startsWith('...') || l.body.startsWith('%'))) unsupported();
    return l;
  }

  private static isItem(body: string): boolean {
    return body.charCodeAt(0) === 45 && (body.length === 1 || body.charCodeAt(1) === 32); // '- ' or '-'
  }

  /**
   * The node that starts on the next line, under a parent at `parent` columns: a mapping or a sequence more indented,
   * or a sequence at the same column when it is a mapping's value; else nothing (null).
   */
  private block(parent: number, mappingValue: boolean): unknown {
    const l = this.peek();
    if (!l) return null;
    if (l.indent > parent) return Reader.isItem(l.body) ? this.sequence(l.indent) : this.mapping(l.indent);
    if (mappingValue && l.indent === parent && Reader.isItem(l.body)) return this.sequence(parent);
    return null;
  }

  private sequence(n: number): unknown[] {
    const out: unknown[] = [];
    for (let l = this.peek(); l && l.indent === n && Reader.isItem(l.body); l = this.peek()) {
      let at = 1;
      while (l.body.charCodeAt(at) === 32) at++;
      const rest = l.body.slice(at);
      if (rest === '' || rest.charCodeAt(0) === 35) {
        this.i++;
        out.push(this.block(n, false));
      } else if (Reader.isItem(rest)) unsupported();
      else if (this.keyOf(rest)) {
        // A mapping that starts on the item's line: its keys are at the column of its first one.
        this.lines[this.i] = { indent: n + at, body: rest };
        out.push(this.mapping(n + at));
      } else {
        this.i++;
        out.push(this.value(rest, n));
      }
    }
    const l = this.peek();
    if (l && l.indent > n) unsupported();
    return out;
  }

  /** A mapping line's key and the text after its `:`, or undefined when the line is not `key:` or `key: value`. */
  private keyOf(body: string): { key: string; rest: string } | undefined {
    const c = body[0]!;
    if (c === '"' || c === "'") {
      const { value, end } = c === '"' ? doubleQuoted(body) : singleQuoted(body);
      if (body[end] !== ':' || (end + 1 < body.length && body[end + 1] !== ' ')) return undefined;
      return { key: value, rest: body.slice(end + 1) };
    }
    const colon = body.indexOf(': ');
    const end = colon >= 0 ? colon : body.endsWith(':') ? body.length - 1 : -1;
    if (end < 0) return undefined;
    const key = body.slice(0, end).trimEnd();
    if (!key || INDICATORS.has(c) || (c === '-' && (key.length === 1 || key[1] === ' ')) || key.includes(' #')) unsupported();
    if (typeof resolvePlain(key) !== 'string') unsupported();
    return { key, rest: body.slice(end + 1) };
  }

  private mapping(n: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let l = this.peek(); l && l.indent === n; l = this.peek()) {
      if (Reader.isItem(l.body)) unsupported();
      const kv = this.keyOf(l.body);
      if (!kv) unsupported();
      const { key, rest } = kv!;
      if (key === '__proto__' || key === '<<' || (this.uniqueKeys && Object.hasOwn(out, key))) unsupported();
      this.i++;
      const text = rest.trimStart();
      out[key] = text === '' || text.charCodeAt(0) === 35 ? this.block(n, true) : this.value(text, n);
    }
    const l = this.peek();
    if (l && l.indent > n) unsupported();
    return out;
  }

  /** A scalar that starts on the current line (already consumed), in a node at `n` columns. */
  private value(text: string, n: number): unknown {
    const c = text[0]!;
    if (c === '"' || c === "'") {
      const { value, end } = c === '"' ? doubleQuoted(text) : singleQuoted(text);
      const after = text.slice(end).trimStart();
      if (after !== '' && !(after.startsWith('#') && /\s/.test(text[end] ?? ''))) unsupported();
      return value;
    }
    if (c === '|' || c === '>') return this.blockScalar(text, n);
    if (INDICATORS.has(c) || (c === '-' && (text.length === 1 || text[1] === ' '))) unsupported();
    const hash = text.indexOf(' #');
    const first = (hash >= 0 ? text.slice(0, hash) : text).trimEnd();
    if (first.includes(': ') || first.endsWith(':')) unsupported();
    return this.foldPlain(first, n);
  }

  /** A plain scalar continued on more indented lines: lines joined by a space, blank lines kept as line breaks. */
  private foldPlain(first: string, n: number): unknown {
    let out = first;
    let breaks = 0;
    let j = this.i;
    for (; j < this.lines.length; j++) {
      const l = this.lines[j]!;
      if (l.body === '') {
        breaks++;
        continue;
      }
      if (l.indent <= n) break;
      if (l.body.charCodeAt(0) === 35 || l.body.includes(' #') || l.body.includes(': ') || l.body.endsWith(':')) unsupported();
      const part = l.body.trimEnd();
      out += breaks ? '\n'.repeat(breaks) + part : ` ${part}`;
      breaks = 0;
      this.i = j + 1;
    }
    return resolvePlain(out);
  }

  /**
   * `|`, `|-`, `>`, `>-`, the content's indentation found from its first line; other headers, spaces that would be
   * content and (folded) more-indented lines go to `yaml`.
   */
  private blockScalar(header: string, n: number): string {
    const m = /^([|>])(-?)(?:\s+#.*)?\s*$/.exec(header);
    if (!m) unsupported();
    const [, style, strip] = m!;
    const lines: string[] = [];
    let indent = -1;
    let leading = 0; // the most spaces on a blank line before the first content line
    for (; this.i < this.lines.length; this.i++) {
      const l = this.lines[this.i]!;
      if (l.body === '') {
        if (indent >= 0 && l.indent > indent) unsupported();
        leading = indent < 0 ? Math.max(leading, l.indent) : leading;
        lines.push('');
        continue;
      }
      if (indent < 0) {
        if (l.indent <= n) break;
        indent = l.indent;
        if (leading > indent) unsupported();
      }
      if (l.indent < indent) break;
      if (l.indent > indent && style === '>') unsupported();
      lines.push(' '.repeat(l.indent - indent) + l.body);
    }
    // Trailing blank lines only matter to the chomping, which drops them (`-`) or keeps one line break.
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    let body = '';
    if (style === '|') body = lines.join('\n');
    else {
      let breaks = 0;
      let first = true;
      for (const s of lines) {
        if (s === '') breaks++;
        else {
          // Leading blank lines are line breaks; between lines, one break is a space and k blank lines k breaks.
          body += first ? '\n'.repeat(breaks) + s : breaks ? '\n'.repeat(breaks) + s : ` ${s}`;
          [breaks, first] = [0, false];
        }
      }
    }
    return strip || body === '' ? body : `${body}\n`;
  }
}

/** A single-quoted scalar that ends on its line: its value and the index after its closing quote. */
function singleQuoted(s: string): { value: string; end: number } {
  let value = '';
  for (let k = 1; k < s.length; k++) {
    const c = s[k]!;
    if (c !== "'") value += c;
    else if (s[k + 1] === "'") {
      value += "'";
      k++;
    } else return { value, end: k + 1 };
  }
  return unsupported();
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', ' ': ' ' };

/** A double-quoted scalar that ends on its line, with the common escapes (others go to `yaml`). */
function doubleQuoted(s: string): { value: string; end: number } {
  let value = '';
  for (let k = 1; k < s.length; k++) {
    const c = s[k]!;
    if (c === '"') return { value, end: k + 1 };
    if (c !== '\\') {
      value += c;
      continue;
    }
    const e = s[++k] ?? '';
    if (ESCAPES[e] !== undefined) value += ESCAPES[e];
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(k + 1, k + 5))) {
      value += String.fromCharCode(parseInt(s.slice(k + 1, k + 5), 16));
      k += 4;
    } else unsupported();
  }
  return unsupported();
}
