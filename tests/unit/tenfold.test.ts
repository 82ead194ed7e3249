/**
 * The bench's ten times the accounts (lib/cli/tenfold.ts, #23): each reading after the first renames its own items
 * where they are, which must give what copying them gave, and must leave nothing renamed behind for the next reading.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCES_DIR, readSources } from '@/lib/cli/read-sources';
import { tenfoldSource } from '@/lib/cli/tenfold';
import type { Contribution } from '@/lib/registry/sources';

/** The readings as the bench made them before: each item of readings 2–10 copied under its new key. */
function byCopies(parse: (text: string) => Contribution, text: string): Contribution {
  const path = (key: unknown): key is string => typeof key === 'string' && key.includes('/');
  const first = parse(text);
  const out: Contribution = { ...first, accounts: [...first.accounts], accountNames: [...first.accountNames], hints: [...first.hints], against: [...first.against] };
  for (let k = 1; k < 10; k++) {
    const c = parse(text);
    const copy = (key: string) => `${key}-x${k}`;
    out.accounts.push(...c.accounts.filter((a) => path(a.key) && typeof a.display === 'string').map((a) => ({ ...a, key: copy(a.key), display: copy(a.display) })));
    out.accountNames.push(...c.accountNames.filter((a) => path(a.key)).map((a) => ({ ...a, key: copy(a.key) })));
    out.hints.push(...c.hints.filter((h) => path(h.key)).map((h) => ({ ...h, key: copy(h.key) })));
    out.against.push(...c.against.filter((a) => path(a.key)).map((a) => ({ ...a, key: copy(a.key) })));
  }
  return out;
}

describe('ten times the accounts, renamed where they are', () => {
  const inputs = readSources(BUNDLED_SOURCES_DIR).filter((i) => i.text !== undefined);
  it.each(inputs.map((i) => [i.def.id, i] as const))('%s: what copying gave, reading after reading', (_id, input) => {
    const ten = tenfoldSource(input);
    const once = JSON.stringify(input.def.parse(input.text!));
    const expected = JSON.stringify(byCopies((text) => input.def.parse(text), input.text!));
    expect(JSON.stringify(ten.def.parse(input.text!))).toBe(expected);
    // Read again, the same: no item a parser keeps between readings was renamed, in its reading of ten or of one.
    expect(JSON.stringify(ten.def.parse(input.text!))).toBe(expected);
    expect(JSON.stringify(input.def.parse(input.text!))).toBe(once);
  });
  it('the accounts of a source with paths are ten times its own', () => {
    const landscape = inputs.find((i) => i.def.id === 'us-federal-github-landscape')!;
    expect(tenfoldSource(landscape).def.parse(landscape.text!).accounts.length).toBe(10 * landscape.def.parse(landscape.text!).accounts.length);
  });
});
