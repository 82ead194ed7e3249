/**
 * Which accounts an audit covers: the account of a page, or every account of one body (a body with a GitHub
 * organisation, a gitlab.com group and a self-hosted forge is audited as one). Pure, over the registry index.
 */
import { foldName } from '../registry/names';
import { lookup, type LookupResult, type RegistryIndex } from '../registry/lookup';
import type { AuditTarget } from './forge-api';

/** The account a lookup answer belongs to, if it is one the audit can list (an organisation or group, not a repository). */
export function targetOf(r: LookupResult): AuditTarget | undefined {
  const o = r.organisation;
  if (!r.publicSector || !o || (r.forge !== 'github' && r.forge !== 'gitlab')) return undefined;
  // On a forge that is public as a whole, the group in the address is the account.
  const login = o.login === r.host ? r.path.split('/')[0] : o.login;
  if (!login) return undefined;
  if (r.forge === 'github' && !/^[A-Za-z0-9-]{1,39}$/.test(login)) return undefined;
  if (r.forge === 'gitlab' && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(login)) return undefined;
  return { forge: r.forge, host: r.host, login, url: `https://${r.host}/${login}` };
}

/** A body's accounts, by its pso_id or its name as the registry shows it: one target each, GitHub first. */
export function bodyTargets(index: RegistryIndex, body: { psoId?: string; name?: string }): AuditTarget[] {
  const name = body.name ? foldName(body.name) : undefined;
  const targets = new Map<string, AuditTarget>();
  for (const e of index.registry.entries) {
    // Accounts only: a whole forge is many bodies, a repository is not an account.
    const segments = e.key.split('/');
    if (segments.length < 2 || (segments[0] === 'github.com' && segments.length !== 2)) continue;
    const r = lookup(index, `https://${e.key}`, 'organisation');
    const o = r.organisation;
    if (!o) continue;
    const same = body.psoId ? o.psoId === body.psoId : !!name && o.named && foldName(o.name) === name;
    if (!same) continue;
    const t = targetOf(r);
    if (t) targets.set(`${t.host}/${t.login.toLowerCase()}`, t);
  }
  return [...targets.values()].sort((a, b) => Number(a.forge !== 'github') - Number(b.forge !== 'github') || a.url.localeCompare(b.url));
}

/** What the audit page asks for (`?account=` or a body), answered from the registry: the targets and the body. */
export function auditPlanOf(index: RegistryIndex, ask: { account?: string; psoId?: string; name?: string }): { targets: AuditTarget[]; name?: string; country?: string; international?: string } {
  if (ask.account) {
    const r = lookup(index, ask.account, 'organisation');
    const t = targetOf(r);
    const o = r.organisation;
    return { targets: t ? [t] : [], ...(o?.named ? { name: o.name } : {}), ...(o?.country ? { country: o.country } : {}), ...(o?.international ? { international: o.international } : {}) };
  }
  const targets = bodyTargets(index, ask);
  const first = targets[0] && lookup(index, targets[0].url, 'organisation').organisation;
  return { targets, ...(first?.named ? { name: first.name } : {}), ...(first?.country ? { country: first.country } : {}), ...(first?.international ? { international: first.international } : {}) };
}

/** The audit page's address for the account of a page (the organisation panel's link), if it is a public body's. */
export function auditPageQuery(index: RegistryIndex, pageUrl: string): string | undefined {
  const t = targetOf(lookup(index, pageUrl, 'organisation'));
  return t && `account=${encodeURIComponent(t.url)}`;
}
