import { accountKey } from '../account-key';
import type { Contribution, RawOspo } from './types';

/** Validated OSPO → its contribution: the OSPO, and one account per `code:` URL it lists. */
export function addOspo(out: Contribution, ospo: RawOspo): void {
  out.ospos.push(ospo);
  for (const url of ospo.code) {
    const key = accountKey(url);
    if (!key) out.rejected.push({ entry: `${ospo.id} code ${url}`, reason: 'not an account URL' });
    else out.accounts.push({ key, display: url.replace(/\/+$/, ''), country: ospo.country, international: ospo.international, ospo: ospo.id });
  }
}

export function ospoId(url: string): string | undefined {
  return accountKey(url);
}
