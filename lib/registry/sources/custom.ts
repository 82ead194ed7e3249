import { customSourceInfo } from '../source-info';
import { CUSTOM_SCHEMA_VERSIONS, entrySchema, hostSchema, ospoSchema } from '../schema';
import { reasonOf } from './issues';
import { emptyContribution, type SourceDef } from './types';

/**
 * A registry someone else publishes in our compiled format (an OSPO network, an administration): its
 * entries, OSPOs and forge hosts are checked one by one, like any source. It may only add accounts, hosts and
 * OSPOs the built-in sources do not have (lib/registry/compile.ts). See README "Custom registries".
 */
export function customRegistrySource(url: string, options: { allowLoopback?: boolean } = {}): SourceDef {
  const info = customSourceInfo(url, options);
  const id = info.id;
  return {
    ...info,
    parse(text) {
      const out = emptyContribution();
      const doc = JSON.parse(text) as Record<string, unknown>;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a compiled registry object');
      if (!(CUSTOM_SCHEMA_VERSIONS as readonly unknown[]).includes(doc.schemaVersion)) throw new Error(`schemaVersion must be one of ${CUSTOM_SCHEMA_VERSIONS.join(', ')}`);
      const ospoIds = new Set<string>();
      for (const [i, raw] of (Array.isArray(doc.ospos) ? doc.ospos : []).entries()) {
        const o = ospoSchema.safeParse({ source: id, ...(raw as object) });
        if (!o.success) out.rejected.push({ entry: `ospos[${i}]`, reason: reasonOf(o.error) });
        else {
          ospoIds.add(o.data.id);
          out.ospos.push({ ...o.data, code: [] });
        }
      }
      for (const [i, raw] of (Array.isArray(doc.hosts) ? doc.hosts : []).entries()) {
        const h = hostSchema.safeParse(raw);
        if (h.success) out.hosts.push(h.data);
        else out.rejected.push({ entry: `hosts[${i}]`, reason: reasonOf(h.error) });
      }
      for (const [i, raw] of (Array.isArray(doc.entries) ? doc.entries : []).entries()) {
        const e = entrySchema.safeParse({ sources: [id], ...(raw as object) });
        if (!e.success) out.rejected.push({ entry: `entries[${i}]`, reason: reasonOf(e.error) });
        else if (e.data.ospo && !ospoIds.has(e.data.ospo)) out.rejected.push({ entry: e.data.key, reason: `ospo ${e.data.ospo} is not in this registry's ospos` });
        else {
          const { sources: _sources, ...account } = e.data;
          out.accounts.push(account);
        }
      }
      return out;
    },
  };
}
