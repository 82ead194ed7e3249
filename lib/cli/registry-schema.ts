/**
 * npm run -s registry:schema [-- --check]
 * Writes the JSON Schemas of the registry formats, generated from the zod schemas the extension validates with:
 * docs/custom-registry.schema.json (what a custom registry publishes), docs/compiled-registry.schema.json, and
 * docs/audit.schema.json (what the organisation audit exports and `audit:org --json` prints).
 * --check: exit 1 if the committed files differ from what the code says (a test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { auditReportSchema } from '../audit/schema';
import { compiledRegistrySchema, customRegistrySchema } from '../registry/schema';

const FILES = {
  'docs/custom-registry.schema.json': { schema: customRegistrySchema, title: 'OSPO Lens custom registry' },
  'docs/compiled-registry.schema.json': { schema: compiledRegistrySchema, title: 'OSPO Lens compiled registry' },
  'docs/audit.schema.json': { schema: auditReportSchema, title: 'OSPO Lens organisation audit' },
};

export function schemaText(schema: z.ZodType, title: string): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: json.$schema, title, ...json }, null, 2)}\n`;
}

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, { schema, title }] of Object.entries(FILES)) {
  const text = schemaText(schema, title);
  if (!check) writeFileSync(file, text);
  else if ((() => { try { return readFileSync(file, 'utf8'); } catch { return ''; } })() !== text) {
    console.error(`${file} is not what the zod schema says: run npm run registry:schema`);
    stale++;
  }
}
process.exit(stale ? 1 : 0);
