/**
 * The bench's registry at ten times the accounts (#23), made from the real sources: see `tenfoldSource`.
 */
import type { SourceInput } from '../registry/compile';
import type { Contribution } from '../registry/sources';

/**
 * A source read as if its text held ten times its accounts (#23): the text is parsed ten times (the parsers read it
 * line by line or as one YAML/JSON document, in time linear in its length), and each reading after the first gives
 * its accounts under logins of their own (`<login>-x1`…), with what the source says about them (names, hints,
 * evidence). Whole forges (a key without a path) are not copied. Everything after the parse, the checks of each item,
 * the merge and the final validation, then sees ten times the accounts. Each reading's items are its own, renamed
 * where they are (a parser's reading of ten times the text makes each item once; copying them was an eighth of the
 * measure).
 */
export function tenfoldSource(input: SourceInput): SourceInput {
  const path = (key: unknown): key is string => typeof key === 'string' && key.includes('/');
  const parse = (text: string): Contribution => {
    const first = input.def.parse(text);
    const out: Contribution = { ...first, accounts: [...first.accounts], accountNames: [...first.accountNames], hints: [...first.hints], against: [...first.against] };
    for (let k = 1; k < 10; k++) {
      const c = input.def.parse(text);
      const renamed = new Set<object>();
      const rename = <T extends { key: string }>(item: T, into: T[], also?: (item: T) => void) => {
        if (!path(item.key) || renamed.has(item)) return;
        renamed.add(item);
        item.key = `${item.key}-x${k}`;
        also?.(item);
        into.push(item);
      };
      for (const a of c.accounts) if (typeof a.display === 'string') rename(a, out.accounts, (r) => (r.display = `${r.display}-x${k}`));
      for (const a of c.accountNames) rename(a, out.accountNames);
      for (const h of c.hints) rename(h, out.hints);
      for (const a of c.against) rename(a, out.against);
    }
    return out;
  };
  return { ...input, def: { ...input.def, parse } };
}
