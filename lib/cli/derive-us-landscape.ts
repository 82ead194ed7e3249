/**
 * npm run -s data:derive-us -- [<folder of thoppe/Federal-Github-Landscape-Analysis src/data>]
 *
 * Writes the facts the registry uses from the 2024 U.S. survey (lib/registry/us-survey.ts) to
 * `assets/public/registry-sources/derived/us-federal-github-landscape.json`. Default folder:
 * ../shared/registry-sources/global/us-federal-github-landscape (read-only; run again when it changes, review, commit).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveUsLandscape } from '../registry/us-survey';

const dir = resolve(process.argv[2] ?? '../shared/registry-sources/global/us-federal-github-landscape');
export const DERIVED_US = new URL('../../assets/public/registry-sources/derived/us-federal-github-landscape.json', import.meta.url).pathname;
const derived = deriveUsLandscape(readFileSync(join(dir, 'US_curated_govs.csv'), 'utf8'), readFileSync(join(dir, 'US_filtered_govs.csv'), 'utf8'));
writeFileSync(DERIVED_US, `${JSON.stringify(derived, null, 1)}\n`);
console.log(`${derived.organisations.length} curated organisations → ${DERIVED_US}`);
