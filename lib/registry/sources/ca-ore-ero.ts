import { parseYaml } from './plain-yaml';
import { z } from 'zod';
import { accountKey } from '../account-key';
import type { Level } from '../schema';
import { emptyContribution, splitFiles, type SourceDef } from './types';

/** The Open Resource Exchange's administration folders and the level each is. */
const FOLDERS: Readonly<Record<string, Level | undefined>> = { federal: 'national', provincial: 'regional', municipal: 'local', aboriginal: 'tribal', others: undefined };

const administration = z.object({ code: z.string(), name: z.object({ en: z.string(), fr: z.string().optional() }) });
const release = z.object({ repositoryURL: z.object({ en: z.string() }).partial().optional() });

const FILES = [
  ...['aboriginal', 'federal', 'municipal', 'others', 'provincial'].map((f) => `administrations/${f}.yml`),
  ...['asc-csa', 'cse-cst', 'csps-efpc', 'dnd-mdn', 'eccc', 'esdc-edsc', 'ised-isde', 'justice', 'nrc-cnrc', 'phac-aspc', 'ssc-spc', 'statcan', 'tbs-sct', 'tc'].map((f) => `code/federal/${f}.yml`),
  ...['city-of-edmonton-ab', 'city-of-montreal-qc', 'city-of-sault-ste-marie-on'].map((f) => `code/municipal/${f}.yml`),
  ...['ab', 'bc', 'ns', 'on'].map((f) => `code/provincial/${f}.yml`),
];

/**
 * Canada's Open Resource Exchange (canada-ca/ore-ero, MIT): administrations (code → English and French names, by
 * level) and their released code. Repository-level, with upstream and personal owners among them, so no account is
 * created from it: an owner account another list has gets the administration's name and level, when every one of its
 * releases is that administration's (a hint; never for an owner shared by several administrations). The federal and
 * municipal administrations' codes name the accounts whose logins are made of them (`aafc-bicoe`: Agriculture and
 * Agri-Food Canada).
 */
export const caOreEro: SourceDef = {
  id: 'ca-ore-ero',
  dataDate: '2025-10-17',
  title: 'Open Resource Exchange — Canadian administrations and their code',
  file: 'global/ca-ore-ero',
  files: FILES,
  upstream: 'https://github.com/canada-ca/ore-ero/tree/master/_data',
  format: 'yaml',
  licence: 'MIT',
  editUrl: 'https://github.com/canada-ca/ore-ero',
  parse(source) {
    const out = emptyContribution();
    const admins = new Map<string, { name: string; level?: Level }>();
    const owners = new Map<string, Set<string>>();
    const parts = splitFiles(source);
    if (!parts.some((p) => p.path.startsWith('administrations/'))) throw new Error('expected the administrations files');
    for (const { path, text } of parts.filter((p) => p.path.startsWith('administrations/'))) {
      const folder = path.replace(/^administrations\/|\.yml$/g, '');
      const doc: unknown = parseYaml(text);
      for (const [i, row] of (Array.isArray(doc) ? doc : []).entries()) {
        const a = administration.safeParse(row);
        if (a.success) {
          admins.set(a.data.code, { name: a.data.name.en.trim(), level: FOLDERS[folder] });
          // Federal and municipal codes are what their GitHub logins are made of (`aafc-aac` → `aafc-bicoe`).
          if (/^[a-z]{2,}(-[a-z]{2,})*$/.test(a.data.code) && (folder === 'federal' || folder === 'municipal'))
            out.codes.push({ country: 'CA', code: a.data.code, name: a.data.name.en.trim(), ...(FOLDERS[folder] ? { level: FOLDERS[folder] } : {}) });
        }
        else out.rejected.push({ entry: `${path} #${i}`, reason: 'not an administration (code, name.en)' });
      }
    }
    for (const { path, text } of parts.filter((p) => p.path.startsWith('code/'))) {
      const doc = parseYaml(text) as { adminCode?: unknown; releases?: unknown } | null;
      const admin = typeof doc?.adminCode === 'string' ? doc.adminCode : undefined;
      if (!admin || !admins.has(admin)) {
        out.rejected.push({ entry: path, reason: `administration ${String(admin).slice(0, 40)} is not in the administrations files` });
        continue;
      }
      for (const [i, raw] of (Array.isArray(doc?.releases) ? doc.releases : []).entries()) {
        const url = release.safeParse(raw).data?.repositoryURL?.en;
        const key = url ? accountKey(url) : undefined;
        if (!key || key.split('/').length < 2) {
          out.rejected.push({ entry: `${path} release #${i}`, reason: 'no repository URL on a forge' });
          continue;
        }
        const owner = key.split('/').slice(0, 2).join('/');
        owners.set(owner, (owners.get(owner) ?? new Set()).add(admin));
      }
    }
    for (const [owner, codes] of owners) {
      if (codes.size !== 1) continue;
      const admin = admins.get([...codes][0]!)!;
      out.hints.push({ key: owner, name: admin.name, ...(admin.level ? { level: admin.level } : {}) });
    }
    return out;
  },
};
