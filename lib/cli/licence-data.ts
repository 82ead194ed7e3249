/**
 * Writes assets/generated/spdx-osi.json: the SPDX ids the OSI approved, taken from the spdx-license-list
 * package at build time, so the extension ships a list of ids (a few kB) instead of the whole package.
 * Runs on install and before each build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const list = require('spdx-license-list') as Record<string, { osiApproved: boolean }>;
const version = (require('spdx-license-list/package.json') as { version: string }).version;
const out = new URL('../../assets/generated/spdx-osi.json', import.meta.url).pathname;
const osi = Object.entries(list)
  .filter(([, l]) => l.osiApproved)
  .map(([id]) => id)
  .sort();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ source: `spdx-license-list@${version}`, osi }));
