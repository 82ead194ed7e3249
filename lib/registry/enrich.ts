import type { AccountProfile } from '../forges/api';
import { emailCheck as email, httpsUrlCheck as httpsUrl, textCheck as text } from './checks';
import { looksLikeUrl } from './names';
import type { AccountContact, LookupResult } from './lookup';

/** A website as a profile gives it (`www.x.gov`, `http://…`) as an https URL on a host name, or nothing. */
export function profileWebsite(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = /^https?:\/\//i.test(raw) ? raw.replace(/^http:/i, 'https:') : `https://${raw}`;
  const ok = httpsUrl.safeParse(url);
  return ok.success ? ok.data : undefined;
}

/** The profile's e-mail and website after the same checks as an OSPO's (no query in a mailto:, https only), or nothing. */
export function profileContact(profile: AccountProfile | undefined): AccountContact | undefined {
  if (!profile) return undefined;
  const mail = email.safeParse(profile.email);
  const url = profileWebsite(profile.url);
  if (!mail.success && !url) return undefined;
  return { ...(mail.success ? { email: mail.data } : {}), ...(url ? { url } : {}), from: 'forge-profile' };
}

export { needsProfile } from './profile-need';

/**
 * What the panel shows once the forge answered (DESIGN.md §5, `lookup --har`): an unnamed body takes the name its
 * account gives itself (`nameFrom: forge`); a body with no own OSPO or contact gets the account's published contact.
 * Pure; the name and contact are checked like any registry data.
 */
export function withProfile(result: LookupResult, profile: AccountProfile | undefined): LookupResult {
  const o = result.organisation;
  if (!o || !profile) return result;
  const out: LookupResult = { ...result, organisation: { ...o } };
  const name = text.safeParse(profile.name);
  if (!o.named && name.success && !looksLikeUrl(name.data)) Object.assign(out.organisation!, { name: name.data, named: true, nameFrom: 'forge', selfNamed: true });
  const contact = result.ospo?.scope === 'own' || result.contact ? undefined : profileContact(profile);
  if (contact) out.contact = contact;
  return out;
}
