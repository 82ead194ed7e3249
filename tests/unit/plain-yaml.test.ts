/**
 * The fast YAML reader (#23) gives exactly what the `yaml` package gives, or hands the text to it: on every YAML file
 * of the registry's sources and of the captured pages, and on a table of edge cases. It must also actually read the
 * sources itself (else the compile is not faster and nothing here would show it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYaml, readPlain } from '@/lib/registry/sources/plain-yaml';

/** What `yaml` says: the value (as JSON, so key order counts) or its error's first line. */
function yamlSays(text: string, uniqueKeys: boolean): string {
  try {
    return JSON.stringify(parse(text, { uniqueKeys }));
  } catch (e) {
    return `error: ${(e as Error).message.split('\n')[0]}`;
  }
}
function plainSays(text: string, uniqueKeys: boolean): string {
  try {
    return JSON.stringify(parseYaml(text, { uniqueKeys }));
  } catch (e) {
    return `error: ${(e as Error).message.split('\n')[0]}`;
  }
}
const fast = (text: string, uniqueKeys = true) => typeof readPlain(text, uniqueKeys) !== 'symbol';

const FILES = execFileSync('find', ['../shared/registry-sources', 'assets/public/registry-sources', '../shared/real-pages', '-name', '*.yml', '-o', '-name', '*.yaml'])
  .toString()
  .trim()
  .split('\n');

describe('every real YAML file', () => {
  it('finds the registry sources and the captures', () => {
    expect(FILES.filter((f) => f.includes('ca-ore-ero')).length).toBeGreaterThan(20);
    expect(FILES.filter((f) => f.includes('comptes-organismes-publics')).length).toBeGreaterThanOrEqual(4);
  });
  it.each(FILES)('%s: the same value as `yaml`, read without it', (file) => {
    const text = readFileSync(file, 'utf8');
    for (const uniqueKeys of [true, false]) {
      const expected = yamlSays(text, uniqueKeys);
      expect(plainSays(text, uniqueKeys)).toBe(expected);
      // Read by the fast reader unless `yaml` refuses it (a duplicate key where keys must be unique).
      expect(fast(text, uniqueKeys)).toBe(!expected.startsWith('error:'));
    }
  });
});

/** [yaml text, read by the fast reader?] */
const CASES: Array<[string, boolean]> = [
  ['a: 1\nb: x\n', true],
  ['a: 1\na: 2\n', false], // duplicate: `yaml` says what (an error, or the last value without uniqueKeys)
  ['# only a comment\n', false],
  ['', false],
  ['---\na: 1\n', true],
  ['--- # start\na: 1\n', true],
  ['a: 1\n---\nb: 2\n', false],
  ['%YAML 1.2\n---\na: 1\n', false],
  ['a: 1\n...\n', false],
  ['a: 0o17\n', false],
  ['a: 0x1F\n', false],
  ['a: .inf\n', false],
  ['a: -.Inf\n', false],
  ['a: .NaN\n', false],
  ['a: 1e3\nb: .5\nc: 1.\nd: +12\ne: -0\nf: 00012\ng: 1_000\nh: 2024-08-22\ni: 123456789012345678901\n', true],
  ['a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: False\nh: TRUE\ni: yes\nj: no\nk: on\n', true],
  ['1: x\n', false],
  ['true: x\n', false],
  ['"1": x\n\'true\': y\n', true],
  ['__proto__: x\n', false],
  ['<<: x\n', false],
  ['a: x #c\nb: x#c\nc: "q" # c\nd: \'q\'#c\n', false],
  ['a: x #c\nb: x#c\nc: "q" # c\n', true],
  ['a: https://x.fr/a:b\nhttps://y.fr:\n  k: v\n', true],
  ['a: b: c\n', false],
  ['a: x\n  y\n\n  z\nb: 1\n', true],
  ['a: x\n    # comment\n  y\n', false],
  ['a: x\n  y: z\n', false],
  ['- a\n-\n- b: 1\n  c: 2\n-   d: 3\n    e: 4\n- # c\n  f: 5\n', true],
  ['- - a\n', false],
  ['a:\n- x\n- y\nb:\n  - z\n', true],
  ['a:\n    b: 1\n  c: 2\n', false],
  ['a:\n  b: 1\n   c: 2\n', false],
  ['- a\n  - b\n', true],
  ["a: 'it''s'\nb: \"x\\u00e9\\n\\t\\\\\\\"\"\nc: ''\nd: \"\"\n", true],
  ['a: "\\x41"\n', false],
  ['a: "open\n  continued"\n', false],
  ["a: 'open\n  continued'\n", false],
  ['a: [1, 2]\n', false],
  ['a: {b: 1}\n', false],
  ['a: &x 1\nb: *x\n', false],
  ['a: !!str 1\n', false],
  ['a: @x\n', false],
  ['a: `x\n', false],
  ['? a\n: b\n', false],
  ['a:\tb\n', false],
  ['a: b\r\nc: d\r\n', false],
  ['\uFEFFa: b\n', false],
  ['a: b\u0007\n', false],
  ['a: >-\n  x\n  y\n\n  z\nb: 1\n', true],
  ['a: >-\n\n  x\n  y\nb: 1\n', true],
  ['a: >\n  x\n\n\nb: 1\n', true],
  ['a: >\n  x\n    more\n  y\n', false],
  ['a: |\n  x\n    more\n\n  y\n\n\n', true],
  ['a: |-\n  x\n  # not a comment\nb: 1\n', true],
  ['a: |\n\n\n  x\n', true],
  ['a: |\n   \n  x\n', false],
  ['a: |\n  x\n     \n  y\n', false],
  ['a: |\nb: 1\n', true],
  ['a: |\n\nb: 1\n', true],
  ['a: |+\n  x\n\n', false],
  ['a: |2\n   x\n', false],
  ['a: | # c\n  x\n', true],
  ['- |\n  x\n- >-\n  y\n  z\n', true],
  ['a: L\'Agence — Île-de-France ‏\nb: "‮x"\n', true],
  ['  a: 1\n  b: 2\n', true],
  ['x\n', false],
  ['a: 1\nb\n', false],
  ['a:\n  b\nc: 1\n', false],
];

describe('edge cases', () => {
  it.each(CASES)('%j (read without `yaml`: %s)', (text, readsItself) => {
    for (const uniqueKeys of [true, false]) expect(plainSays(text, uniqueKeys)).toBe(yamlSays(text, uniqueKeys));
    expect(fast(text)).toBe(readsItself);
  });
  it('reads a duplicate key itself where keys need not be unique: the last value, at the first one\'s place', () => {
    const text = 'a: 1\nb: 2\na: 3\n';
    expect(fast(text, false)).toBe(true);
    expect(JSON.stringify(parseYaml(text, { uniqueKeys: false }))).toBe('{"a":3,"b":2}');
    expect(plainSays(text, false)).toBe(yamlSays(text, false));
  });
});
