import { text } from '../schema';
import { emptyContribution, type SourceDef } from './types';

/**
 * UK X-Gov: GitHub organisation → department (an unreviewed scaffold, keys in two cases): name hints only, used
 * when nothing better names an account that another list already has.
 */
export const ukDepartments: SourceDef = {
  id: 'uk-xgov-departments',
  dataDate: '2026-04-03',
  title: 'UK X-Gov — GitHub organisations to departments (name hints)',
  file: 'global/uk-xgov-org-to-department.json',
  upstream: 'https://github.com/uk-x-gov-software-community/uk-x-gov-repo-query/blob/copilot/fix-listing-issues/data/org-to-department.json',
  format: 'json',
  licence: 'MIT',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = JSON.parse(source);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of organisations to departments');
    const seen = new Set<string>();
    for (const [login, name] of Object.entries(doc)) {
      const n = text.safeParse(name);
      const key = `github.com/${login.toLowerCase()}`;
      if (!n.success || !/^[a-z0-9-]+$/i.test(login)) out.rejected.push({ entry: login, reason: 'not a login and a name' });
      else if (!seen.has(key)) {
        seen.add(key);
        out.hints.push({ key, name: n.data });
      }
    }
    return out;
  },
};
