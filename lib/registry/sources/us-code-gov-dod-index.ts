import { z } from 'zod';
import { accountKey } from '../account-key';
import { text } from '../schema';
import { usAgencyId } from './us-code-gov';
import { emptyContribution, type SourceDef } from './types';

/**
 * Owners the inventory lists that are not Department of Defense bodies (its PROVENANCE caveats): a contractor and a
 * NATO agency. Their repositories stay out.
 */
const NOT_DOD = new Set(['github.com/advanced-microcode-patching', 'github.com/nci-agency']);

const release = z.object({ organization: text.optional(), repositoryURL: z.string().optional() });

/**
 * The Department of Defense's code.json inventory (DSACMS/code-gov, CC0): each repository with the DoD component that
 * owns it. An owner whose every listed repository is one component's is that component's account (with the DoD
 * liaison as its source-code contact).
 */
export const usDodIndex: SourceDef = {
  id: 'us-code-gov-dod-index',
  dataDate: '2025-06-04',
  title: 'code.gov — Department of Defense inventory (code.json)',
  file: 'global/us-code-gov-dod-index/DoD-index.json',
  upstream: 'https://github.com/DSACMS/code-gov/blob/main/agency-indexes/DoD-index.json',
  format: 'json',
  licence: 'CC0-1.0',
  editUrl: 'https://github.com/DSACMS/code-gov/issues',
  parse(source) {
    const out = emptyContribution();
    const doc = JSON.parse(source) as { releases?: unknown };
    if (!Array.isArray(doc?.releases)) throw new Error('expected {releases: [...]}');
    const owners = new Map<string, { display: string; components: Set<string> }>();
    for (const [i, raw] of doc.releases.entries()) {
      const r = release.safeParse(raw);
      const key = r.success && r.data.repositoryURL ? accountKey(r.data.repositoryURL) : undefined;
      if (!r.success || !key || !key.startsWith('github.com/') || key.split('/').length < 3) {
        out.rejected.push({ entry: `#${i}`, reason: 'no GitHub repository URL' });
        continue;
      }
      const owner = key.split('/').slice(0, 2).join('/');
      if (NOT_DOD.has(owner)) continue;
      const seen = owners.get(owner) ?? { display: r.data.repositoryURL!.split('/').slice(0, 4).join('/'), components: new Set<string>() };
      seen.components.add(r.data.organization ?? '');
      owners.set(owner, seen);
    }
    for (const [key, { display, components }] of owners) {
      const [component] = components;
      const one = components.size === 1 && component ? component : undefined;
      out.accounts.push({ key, display, country: 'US', level: 'national', bodyId: usAgencyId('Department of Defense'), ...(one ? { name: one } : {}) });
    }
    return out;
  },
};
