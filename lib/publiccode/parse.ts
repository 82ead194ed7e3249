import { parse } from 'yaml';
import { z } from 'zod';
import { email, optional, text } from '../registry/schema';

const contact = z.object({ name: text, email: optional(email) });

/** The part of publiccode.yml the panel shows; the standard's other keys are not checked here. */
const publiccode = z.object({
  publiccodeYmlVersion: z.union([z.string(), z.number()]).transform(String),
  name: text,
  legal: optional(z.object({ license: optional(z.string().max(300)) })),
  maintenance: optional(z.object({ type: optional(z.string().max(50)), contacts: optional(z.array(z.unknown())) })),
});

export interface Publiccode {
  name: string;
  licence?: string;
  maintenance?: string;
  contacts: Array<{ name: string; email?: string }>;
}

/** publiccode.yml text → its name, declared licence and maintenance contacts; undefined if it is not one. */
export function parsePubliccode(source: string): Publiccode | undefined {
  if (source.length > 200_000 || /^\s*</.test(source)) return undefined; // an HTML page is not a publiccode.yml
  let doc: unknown;
  try {
    doc = parse(source, { uniqueKeys: false, maxAliasCount: 50 });
  } catch {
    return undefined;
  }
  const p = publiccode.safeParse(doc);
  if (!p.success) return undefined;
  const contacts = (p.data.maintenance?.contacts ?? []).flatMap((c) => {
    const ok = contact.safeParse(c);
    return ok.success ? [ok.data] : [];
  });
  return { name: p.data.name, licence: p.data.legal?.license, maintenance: p.data.maintenance?.type, contacts: contacts.slice(0, 10) };
}
