import { accountKey } from '../account-key';
import { jurisdictionOfSlug } from '../jurisdictions';
import { emptyContribution, type Contribution, type SourceDef } from './types';

/**
 * Software Heritage's curated list of public forges, flagship GitHub organisations and code catalogues
 * (`target,country,kind,label`, CC0). Forges are whole public hosts (only those the label says run GitLab are
 * read as such); catalogues are where to send a user when no OSPO is known.
 */
export const knownForges: SourceDef = {
  id: 'swh-known-forges',
  dataDate: '2026-07-27',
  title: 'Software Heritage — known public forges and code catalogues',
  file: 'global/swh-world-gov/known-forges.csv',
  upstream: 'https://github.com/SoftwareHeritage/world-gov-domain-names/blob/main/data/known-forges.csv',
  format: 'csv',
  licence: 'CC0-1.0',
  parse(source) {
    const out: Contribution = emptyContribution();
    const lines = source.split(/\r?\n/).filter((l) => l.trim());
    if (lines[0]?.trim() !== 'target,country,kind,label') throw new Error('expected the header target,country,kind,label');
    for (const line of lines.slice(1)) {
      const [target = '', slug = '', kind = '', ...rest] = line.split(',');
      const label = rest.join(',').trim();
      const where = jurisdictionOfSlug(slug);
      const key = accountKey(`https://${target}`);
      if (!where) out.rejected.push({ entry: target.slice(0, 120), reason: `jurisdiction ${slug.slice(0, 40)} not known` });
      else if (kind === 'catalog') out.catalogues.push({ jurisdiction: where.country ?? where.international!, url: `https://${target}`, label });
      else if (kind === 'github-org') {
        if (key?.startsWith('github.com/')) out.accounts.push({ key, display: `https://${target}`, name: label, ...where });
        else out.rejected.push({ entry: target.slice(0, 120), reason: 'not a GitHub organisation' });
      } else if (kind === 'forge') {
        if (!key || key.includes('/')) out.rejected.push({ entry: target.slice(0, 120), reason: 'not a host' });
        else if (!/\bGitLab\b/.test(label)) out.rejected.push({ entry: target.slice(0, 120), reason: 'forge software not stated (only GitLab forges are read)' });
        else {
          out.hosts.push({ host: key, forge: 'gitlab', whole: true, ...where });
          // A forge shared by many bodies: the label names the platform (its groups are the bodies).
          out.accounts.push({ key, display: `https://${target}`, platform: label.replace(/\s*\(GitLab\)\s*$/, '').trim() || key, ...where });
        }
      } else out.rejected.push({ entry: target.slice(0, 120), reason: `kind ${kind.slice(0, 40)} not known` });
    }
    return out;
  },
};
