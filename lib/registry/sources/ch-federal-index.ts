import { takeAccount } from './forge-urls';
import { emptyContribution, type SourceDef } from './types';

/** The Swiss Confederation's own index of its GitHub organisations (and one GitLab group): federal, no names. */
export const chFederalIndex: SourceDef = {
  id: 'ch-federal-index',
  dataDate: '2026-04-30',
  title: 'Swiss Confederation — Federal Open Source GitHub Index',
  file: 'global/ch-swiss-index-README.md',
  upstream: 'https://github.com/swiss/index/blob/main/README.md',
  format: 'markdown',
  licence: 'none stated',
  editUrl: 'https://github.com/swiss/index',
  parse(source) {
    const out = emptyContribution();
    // Every list item is an account URL; one that is not is reported (never skipped in silence).
    for (const m of source.matchAll(/^\* (.*\S)\s*$/gm)) {
      if (/^https:\/\/\S+$/.test(m[1]!)) takeAccount(out, m[1]!, { country: 'CH', level: 'national' });
      else out.rejected.push({ entry: m[1]!.slice(0, 120), reason: 'list item is not one https URL' });
    }
    if (out.accounts.length === 0) throw new Error('expected a Markdown list of account URLs');
    return out;
  },
};
