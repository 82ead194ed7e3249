import type { LookupResult } from './lookup';

/**
 * Does the panel still need what the account publishes on its forge: the body has no name, or no contact of its own
 * (a nearest office does not count)? No zod here: the content script asks this too.
 */
export function needsProfile(result: LookupResult): boolean {
  const o = result.organisation;
  if (!o) return false;
  return !o.named || (result.ospo?.scope !== 'own' && !result.contact);
}
