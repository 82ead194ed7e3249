/**
 * npm run -s data:refresh            refresh the bundled source snapshot from the live files, where reachable
 * (run by every build with OSPO_LENS_REFRESH_SOURCES=1; otherwise the build uses the committed snapshot, offline)
 * Each file is written over its committed copy only when it is whole and keeps at least 80 % of its entries;
 * REFRESHED.json beside the files records what was downloaded, from where and when. Review, then commit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { refreshSnapshot } from '../registry/snapshot';
import { SOURCES } from '../registry/sources';
import { BUNDLED_SOURCES_DIR } from './read-sources';

const whenAsked = process.argv.includes('--when-asked');
if (whenAsked && process.env.OSPO_LENS_REFRESH_SOURCES !== '1') process.exit(0);

const outcomes = await refreshSnapshot(
  SOURCES,
  {
    read: (file) => readFile(join(BUNDLED_SOURCES_DIR, file), 'utf8').catch(() => undefined),
    write: (file, text) => writeFile(join(BUNDLED_SOURCES_DIR, file), text),
  },
  fetch,
);
const recordPath = join(BUNDLED_SOURCES_DIR, 'REFRESHED.json');
const record = JSON.parse(readFileSync(recordPath, 'utf8')) as { files: Record<string, unknown> };
const now = new Date().toISOString();
for (const o of outcomes) {
  if (o.state === 'updated') {
    record.files[o.file] = { url: SOURCES.find((d) => d.id === o.id)!.fetchUrl, downloadedAt: now, sha256: o.sha256, entries: o.kept };
    console.log(`${o.id}: updated ${o.file} (${o.previous} → ${o.kept} entries)`);
  } else console.log(`${o.id}: kept the committed ${o.file} (${o.reason})`);
}
writeFileSync(recordPath, `${JSON.stringify(record, null, 2)}\n`);
