import { z } from 'zod';
import { govDomain } from '../agencies';
import { fold } from '../names';
import { email, httpsUrl, text } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

/**
 * The join key between an agency's accounts (agency list) and its source-code liaison (liaisons table), which name
 * agencies differently ("Department of the Treasury" / "Dept. of Treasury", "US Agency for …" / "Agency for …").
 */
export function usAgencyId(name: string): string {
  const n = fold(name).replace(/^dept\.? of /, 'department of ').replace(/^department of the /, 'department of ').replace(/^u\.?s\.? /, '');
  return `us:${n}`;
}

const agency = z.object({
  name: text,
  acronym: text.optional(),
  website: httpsUrl.optional(),
  orgs: z.array(z.string()).optional(),
});

/** code.gov's agency list: 30 U.S. federal agencies with their names and GitHub organisations (CC0). */
export const usAgencies: SourceDef = {
  id: 'us-code-gov-agencies',
  dataDate: '2024-10-11',
  title: 'code.gov — U.S. federal agencies and their GitHub organisations',
  file: 'global/us-code-gov-agency_list.json',
  upstream: 'https://github.com/GSA/code-gov-front-end/blob/main/config/site/agency_list.json',
  format: 'json',
  licence: 'CC0-1.0',
  editUrl: 'https://github.com/DSACMS/code-gov/issues',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = JSON.parse(source);
    if (!Array.isArray(doc)) throw new Error('expected an array of agencies');
    for (const [i, row] of doc.entries()) {
      const a = agency.safeParse(row);
      if (!a.success) {
        out.rejected.push({ entry: `#${i}`, reason: reasonOf(a.error) });
        continue;
      }
      const name = a.data.acronym ? `${a.data.name} (${a.data.acronym})` : a.data.name;
      // The agency's own website says which domain is its own (how accounts no list files find their agency).
      const domain = a.data.website ? govDomain(a.data.website) : undefined;
      if (domain) out.bodyDomains.push({ domain, bodyId: usAgencyId(a.data.name) });
      for (const login of a.data.orgs ?? []) {
        if (!/^[a-z0-9][a-z0-9-]{0,38}$/i.test(login)) {
          out.rejected.push({ entry: `${a.data.name}: ${login}`, reason: 'not a GitHub login' });
          continue;
        }
        // An organisation listed under two agencies (USGS under DOI) keeps the first: the source's own order.
        out.accounts.push({ key: `github.com/${login.toLowerCase()}`, display: `https://github.com/${login}`, name, country: 'US', level: 'national', bodyId: usAgencyId(a.data.name) });
      }
    }
    return out;
  },
};

/** A role address (not a person's) is preferred where the table gives one: `Source.Code@…`, `opensource@…`. */
const ROLE = /^(source[._-]?code|open[._-]?source|oss|ospo|code|info|contact)@/i;

const LIAISONS_PAGE = 'https://github.com/DSACMS/code-gov/blob/a7c07338cb571f07eb901f82d1fdb8c2b4e98d64/content/agencies/agency-liaisons.md';

/**
 * code.gov's table of agency source-code liaisons (SHARE IT Act): the official contact point of each agency, with
 * e-mails (CC0). Each becomes the agency's own contact; a role address is shown before a person's.
 */
export const usLiaisons: SourceDef = {
  id: 'us-code-gov-liaisons',
  dataDate: '2024-04-03',
  title: 'code.gov — agency source-code liaisons',
  file: 'global/us-code-gov-agency-liaisons.md',
  upstream: LIAISONS_PAGE,
  format: 'markdown',
  licence: 'CC0-1.0',
  editUrl: 'https://github.com/DSACMS/code-gov/issues',
  parse(source) {
    const out = emptyContribution();
    const rows = source.split(/\r?\n/).filter((l) => /^\|[^-]/.test(l.trim()) && !/^\|\s*Agency\s*\|/i.test(l.trim()));
    if (rows.length === 0) throw new Error('expected a Markdown table |Agency|Liaison(s)|Email(s)|');
    const updated = /Last Updated:\s*(\d{2})\/(\d{2})\/(\d{4})/.exec(source);
    for (const row of rows) {
      const [agencyCell = '', , emailsCell = ''] = row.split('|').slice(1).map((c) => c.trim());
      const agencyName = agencyCell.replace(/^Dept\. of /, 'Department of ');
      const emails = emailsCell.split(/[,;\s]+/).filter(Boolean);
      const valid = emails.filter((e) => email.safeParse(e).success);
      const chosen = valid.find((e) => ROLE.test(e)) ?? valid[0];
      if (!agencyName || !chosen) {
        out.rejected.push({ entry: agencyCell || row.slice(0, 60), reason: 'no agency or no valid e-mail' });
        continue;
      }
      out.ospos.push({
        id: `code.gov/liaison/${fold(agencyName).replace(/[^a-z0-9]+/g, '-')}`,
        name: `${agencyName} — source-code liaison`,
        url: LIAISONS_PAGE,
        email: chosen,
        country: 'US',
        kind: 'contact',
        description: updated ? `code.gov agency liaison, table updated ${updated[3]}-${updated[1]}-${updated[2]}` : 'code.gov agency liaison',
        editUrl: 'https://github.com/DSACMS/code-gov/issues',
        bodyId: usAgencyId(agencyName),
        code: [],
      });
    }
    return out;
  },
};
