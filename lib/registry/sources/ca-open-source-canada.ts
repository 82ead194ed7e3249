import { emptyContribution, type SourceDef } from './types';

/** "GitHub organizations controlled by Canadian governments" (2020): logins only. */
export const caOrganisations: SourceDef = {
  id: 'ca-open-source-canada',
  dataDate: '2020-04-23',
  title: 'open_source_canada — GitHub organisations of Canadian governments',
  file: 'global/ca-open_source_canada-organizations.txt',
  upstream: 'https://github.com/jpmckinney/open_source_canada/blob/master/data/organizations.txt',
  format: 'text',
  licence: 'MIT (repository)',
  parse(source) {
    const out = emptyContribution();
    for (const login of source.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      if (/^[a-z0-9-]+$/i.test(login)) out.accounts.push({ key: `github.com/${login.toLowerCase()}`, display: `https://github.com/${login}`, country: 'CA' });
      else out.rejected.push({ entry: login.slice(0, 120), reason: 'not a GitHub login' });
    }
    return out;
  },
};
