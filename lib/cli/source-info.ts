/**
 * Writes assets/generated/source-info.json: each built-in source's record without its reader (lib/registry/source-info.ts),
 * for the service worker, which loads the readers only to refresh (#23). Runs on install and before each build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { infoOf } from '../registry/source-info';
import { SOURCES } from '../registry/sources';

const out = new URL('../../assets/generated/source-info.json', import.meta.url).pathname;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(SOURCES.map(infoOf)));
