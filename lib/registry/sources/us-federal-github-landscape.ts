import { z } from 'zod';
import { plainHostOf } from '../account-key';
import { govDomain } from '../agencies';
import { safeParseFast } from '../fast-check';
import { email, httpsUrl, text } from '../schema';
import { GITHUB_LOGIN } from './forge-urls';
import { emptyContribution, type RawAccount, type SourceDef } from './types';

const row = z.object({
  login: z.string(),
  curation: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
});

/** The survey's categories: the level each says, or that the account is evidence against itself. */
const CURATION: Readonly<Record<string, { level: 'national' | 'subnational' | 'tribal' } | { against: 'not-public' | 'gone' } | null>> = {
  FEDERAL: { level: 'national' },
  STATE_OR_LOCAL: { level: 'subnational' },
  Tribal: { level: 'tribal' },
  NOT_GOV: { against: 'not-public' },
  '404': { against: 'gone' },
  // Research programmes the government funds (a consortium, a foundation): not a government body.
  'Gov funded research program': null,
};

/** The profile's website as an https URL (the survey keeps what GitHub shows: `www.bnl.gov`, `http://…`). */
function website(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = /^https?:\/\//i.test(raw) ? raw.replace(/^http:/i, 'https:') : `https://${raw}`;
  const ok = safeParseFast(httpsUrl, url);
  return ok.success && !/github\.(com|io)/i.test(plainHostOf(ok.data) ?? new URL(ok.data).hostname) ? ok.data : undefined;
}

/**
 * A hand-curated survey of U.S. government GitHub organisations (Dec 2024), as the facts derived from it
 * (`derived/us-federal-github-landscape.json`, lib/cli/derive-us-landscape.ts): each curated government organisation
 * with its level (federal, state or local, tribal), the name it gives itself on GitHub, and the e-mail and website it
 * publishes there; `NOT_GOV` and `404` rows as evidence against an account.
 */
export const usFederalLandscape: SourceDef = {
  id: 'us-federal-github-landscape',
  dataDate: '2024-12-22',
  title: 'Federal GitHub Landscape — curated U.S. government organisations (facts)',
  file: 'derived/us-federal-github-landscape.json',
  upstream: 'https://github.com/thoppe/Federal-Github-Landscape-Analysis/tree/main/src/data',
  format: 'json',
  licence: 'none stated (facts only, with attribution)',
  editUrl: 'https://github.com/thoppe/Federal-Github-Landscape-Analysis/issues',
  parse(source) {
    const out = emptyContribution();
    const doc = JSON.parse(source) as { organisations?: unknown };
    if (!Array.isArray(doc?.organisations)) throw new Error('expected {organisations: [...]}');
    const rows: unknown[] = doc.organisations;
    for (let i = 0; i < rows.length; i++) {
      const r = safeParseFast(row, rows[i]);
      if (!r.success || !GITHUB_LOGIN.test(r.data.login)) {
        out.rejected.push({ entry: `#${i}`, reason: r.success ? 'not a GitHub login' : 'not a survey row' });
        continue;
      }
      const { login, curation } = r.data;
      const key = `github.com/${login.toLowerCase()}`;
      if (!Object.hasOwn(CURATION, curation)) {
        out.rejected.push({ entry: login, reason: `category "${curation.slice(0, 40)}" is not one of ${Object.keys(CURATION).join(', ')}` });
        continue;
      }
      const says = CURATION[curation];
      if (!says) continue;
      if ('against' in says) {
        out.against.push({ key, kind: says.against, reason: says.against === 'gone' ? 'the 2024 survey found no such organisation (404)' : 'the 2024 survey curated it as not a government body' });
        continue;
      }
      // What a row does not have is not asked of zod (#23: its answer for a missing value is an error it makes in full).
      const name = r.data.name !== undefined && safeParseFast(text, r.data.name).success ? r.data.name.trim() : undefined;
      const mail = r.data.email !== undefined && safeParseFast(email, r.data.email).success ? r.data.email.trim() : undefined;
      const url = website(r.data.website);
      const mailDomain = mail && govDomain(mail);
      const urlDomain = url && govDomain(url);
      // What the row has, field by field (#23: no object made for each field it may have).
      const account: RawAccount = { key, display: `https://github.com/${login}`, country: 'US', level: says.level };
      if (name) account.selfName = name;
      if (mail) account.contactEmail = mail;
      if (url) account.contactUrl = url;
      if (mail || url) account.contactDate = '2024-12';
      if (mailDomain && urlDomain && mailDomain !== urlDomain) account.domains = [mailDomain, urlDomain];
      else if (mailDomain || urlDomain) account.domains = [(mailDomain || urlDomain)!];
      out.accounts.push(account);
    }
    return out;
  },
};
