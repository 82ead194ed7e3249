import { plainHostOf } from './account-key';

/**
 * U.S. agencies and the domains they publish under: how an account that no agency list files finds the agency whose
 * source-code liaison serves it. Pure.
 */

/** `https://www.fs.usda.gov/x`, `someone@ocio.usda.gov`, `www.bnl.gov` → `usda.gov`, `bnl.gov` (a .gov or .mil domain). */
export function govDomain(urlOrEmail: string): string | undefined {
  const at = urlOrEmail.lastIndexOf('@');
  let host: string;
  if (at !== -1 && !urlOrEmail.includes('/')) host = urlOrEmail.slice(at + 1);
  else {
    const url = /^[a-z]+:\/\//i.test(urlOrEmail) ? urlOrEmail : `https://${urlOrEmail}`;
    try {
      host = plainHostOf(url) ?? new URL(url).hostname;
    } catch {
      return undefined;
    }
  }
  // Its last two labels, when the last is gov or mil (one trailing dot aside): no list of labels made (#23).
  const lower = host.toLowerCase();
  const name = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  const dot = name.lastIndexOf('.');
  if (dot === -1) return undefined;
  const tld = name.slice(dot + 1);
  if (tld !== 'gov' && tld !== 'mil') return undefined;
  return dot === 0 ? name : name.slice(name.lastIndexOf('.', dot - 1) + 1);
}

/**
 * Domain → the one agency (`bodyId`) it belongs to, from what is known: the agencies' own websites, the domains the
 * agency list's own accounts publish (`noaa-gfdl` is Commerce's and publishes gfdl.noaa.gov, so noaa.gov is
 * Commerce's), and reviewed rows (national laboratories). A domain two agencies claim is nobody's (`ambiguous`),
 * unless a reviewed row settles it.
 */
export function agencyDomains(
  known: ReadonlyArray<{ domain: string; bodyId: string }>,
  reviewed: ReadonlyMap<string, string>,
): { byDomain: Map<string, string>; ambiguous: Map<string, string[]> } {
  const claims = new Map<string, Set<string>>();
  for (const { domain, bodyId } of known) claims.set(domain, (claims.get(domain) ?? new Set()).add(bodyId));
  const byDomain = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  for (const [domain, ids] of claims) {
    if (ids.size === 1) byDomain.set(domain, [...ids][0]!);
    else ambiguous.set(domain, [...ids].sort());
  }
  for (const [domain, bodyId] of reviewed) {
    byDomain.set(domain, bodyId);
    ambiguous.delete(domain);
  }
  return { byDomain, ambiguous };
}
