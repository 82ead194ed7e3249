import { download } from './download';
import type { SourceDef } from './sources';
import { keptOf } from './sources/types';

/**
 * Refreshing the bundled snapshot at build time (`npm run data:refresh`, or `OSPO_LENS_REFRESH_SOURCES=1 npm run
 * build`): each source with a live file is downloaded the careful way (lib/registry/download.ts), read by its own
 * parser, and written over the committed copy only if it keeps at least `minShare` of the entries the committed
 * copy has. Offline, or on any doubt, the committed copy stays: the build never depends on the network.
 */
export interface SnapshotFiles {
  read(file: string): Promise<string | undefined>;
  write(file: string, text: string): Promise<void>;
}

export type SnapshotOutcome =
  | { id: string; file: string; state: 'updated'; kept: number; previous: number; sha256: string }
  | { id: string; file: string; state: 'kept'; reason: string };

/** Below this share of the committed copy's entries, a download is taken for a cut or broken file. */
export const MIN_SHARE = 0.8;

function keptIn(def: SourceDef, text: string): number {
  return keptOf(def.parse(text));
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function refreshSnapshot(defs: readonly SourceDef[], files: SnapshotFiles, fetchImpl: typeof fetch, timeoutMs = 15_000, minShare = MIN_SHARE): Promise<SnapshotOutcome[]> {
  return Promise.all(
    defs
      .filter((d) => d.fetchUrl && d.file)
      .map(async (def): Promise<SnapshotOutcome> => {
        const got = await download(fetchImpl, def.fetchUrl!, { format: def.format, timeoutMs });
        if (got.kind !== 'fresh') return { id: def.id, file: def.file, state: 'kept', reason: got.kind === 'failed' ? got.reason : 'not modified' };
        let kept: number;
        try {
          kept = keptIn(def, got.text);
        } catch (e) {
          return { id: def.id, file: def.file, state: 'kept', reason: `unreadable: ${(e as Error).message.split('\n')[0]}` };
        }
        const committed = await files.read(def.file);
        let previous = 0;
        try {
          previous = committed === undefined ? 0 : keptIn(def, committed);
        } catch {
          previous = 0; // a committed copy our parser cannot read any more: anything readable is better
        }
        if (kept === 0 || kept < previous * minShare)
          return { id: def.id, file: def.file, state: 'kept', reason: `only ${kept} entries against ${previous} in the committed copy` };
        if (committed === got.text) return { id: def.id, file: def.file, state: 'kept', reason: 'unchanged' };
        await files.write(def.file, got.text);
        return { id: def.id, file: def.file, state: 'updated', kept, previous, sha256: await sha256(got.text) };
      }),
  );
}
