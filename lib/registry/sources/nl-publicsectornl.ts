import { accountKey } from '../account-key';
import type { Level } from '../schema';
import { emptyContribution, type SourceDef } from './types';

/**
 * The list's sections and the level each says. Universities, university medical centres and universities of applied
 * sciences are not read: the extension answers for public administrations and agencies (README: Coverage, the policy
 * on universities); their accounts stay out unless an official national list includes them.
 */
const SECTIONS: Readonly<Record<string, Level | null>> = {
  Ministries: 'national',
  Provinces: 'regional',
  Municipalities: 'local',
  Judiciary: 'national',
  'Emergency services and law enforcement': 'national',
  'Transport, Land, and Water Management': 'national',
  'Data and statistics': 'national',
  Financial: 'national',
  'Research Institutes': 'national',
  Libraries: 'national',
  Universities: null,
  'University Medical Centers': null,
  'University of Applied Sciences': null,
};

/**
 * PublicSectorNL (2020, CC BY 4.0): Dutch public-sector forge profiles with the body's name, under a heading that
 * says what kind of body it is. `* [Name](url)`, sub-units nested; a self-hosted GitLab's `/explore` page is its
 * whole host.
 */
export const nlPublicSectorNL: SourceDef = {
  id: 'nl-publicsectornl',
  dataDate: '2020-11-17',
  title: 'PublicSectorNL — Dutch public-sector forge profiles',
  file: 'global/nl-publicsectornl/PublicSectorNL-README.md',
  upstream: 'https://github.com/J535D165/PublicSectorNL/blob/master/README.md',
  format: 'markdown',
  licence: 'CC-BY-4.0',
  editUrl: 'https://github.com/J535D165/PublicSectorNL',
  parse(source) {
    const out = emptyContribution();
    const start = source.indexOf('## Organisations');
    const end = source.indexOf('## Contributing');
    if (start === -1 || end === -1) throw new Error('expected the "## Organisations" … "## Contributing" sections');
    let section: string | undefined;
    const lines = source.slice(start, end).split(/\r?\n/);
    const indent = (l: string) => /^(\s*)\*\s/.exec(l)?.[1]!.length ?? -1;
    lines.forEach((line, i) => {
      const heading = /^### (.+?)\s*$/.exec(line);
      if (heading) {
        section = heading[1]!;
        if (!Object.hasOwn(SECTIONS, section)) out.rejected.push({ entry: section.slice(0, 80), reason: 'a section this parser does not know: its rows were not read' });
        return;
      }
      if (!section || !Object.hasOwn(SECTIONS, section)) return;
      const level = SECTIONS[section];
      const bullet = indent(line) !== -1;
      const links = [...line.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)];
      if (!level || !bullet) return;
      // A bullet without a link names a body whose units are listed under it; any other one is a broken row, reported.
      if (links.length === 0) {
        const next = lines.slice(i + 1).find((l) => l.trim());
        const parent = next !== undefined && indent(next) > indent(line);
        if (!parent || line.trim().length > 500) out.rejected.push({ entry: line.trim().slice(0, 120), reason: 'a bullet with no [name](URL) link and no units under it' });
        return;
      }
      for (const [, label, url] of links) {
        const explore = /\/explore\/?$/.test(url!);
        const key = accountKey(explore ? url!.replace(/\/explore\/?$/, '') : url!);
        if (!key || (!explore && !key.includes('/'))) {
          out.rejected.push({ entry: url!.slice(0, 120), reason: 'not an account URL' });
          continue;
        }
        // "(GitLab, self-hosted)" after a body's name is a link to its forge: the body's name is the bullet's text.
        const name = /^\(?(GitLab|GitHub)\b/i.test(label!) ? line.replace(/\[.*$/, '').replace(/^\s*\*\s*/, '').trim() : label!.replace(/\s*\((GitHub|GitLab)\)\s*$/i, '').trim();
        if (explore) out.hosts.push({ host: key, forge: 'gitlab', whole: true, country: 'NL' });
        out.accounts.push({ key, display: explore ? `https://${key}` : url!.replace(/\/+$/, ''), ...(name ? { name } : {}), country: 'NL', level });
      }
    });
    return out;
  },
};
