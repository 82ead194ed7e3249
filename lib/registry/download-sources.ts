import { download, type Download } from './download';
import type { SourceInfo } from './source-info';
import type { RegistryStore } from './store';

/**
 * The network half of a refresh (lib/registry/refresh.ts keeps or refuses what it brings): each source with a live URL
 * downloaded, conditionally on its last good copy. No reader is needed, so Chrome's service worker runs it itself, and
 * the compiler, wherever it runs (lib/heavy), never reaches the network.
 */
export interface DownloadDeps {
  store: Pick<RegistryStore, 'getCopy'>;
  fetch: typeof fetch;
  now(): number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Tests only: sources on 127.0.0.1 over http. */
  allowLoopback?: boolean;
}

/** One source's download: what came, and when it was asked. Plain data (it is sent to the compiler's document). */
export interface SourceDownload {
  id: string;
  checkedAt: number;
  result: Download;
}

export async function downloadSources(deps: DownloadDeps, sources: readonly Pick<SourceInfo, 'id' | 'fetchUrl' | 'format'>[]): Promise<SourceDownload[]> {
  const live = sources.filter((s): s is typeof s & { fetchUrl: string } => !!s.fetchUrl);
  return Promise.all(
    live.map(async (source) => {
      const previous = await deps.store.getCopy(source.id);
      const checkedAt = deps.now();
      const result = await download(deps.fetch, source.fetchUrl, {
        format: source.format,
        etag: previous?.etag,
        lastModified: previous?.lastModified,
        timeoutMs: deps.timeoutMs,
        maxBytes: deps.maxBytes,
        allowLoopback: deps.allowLoopback,
      });
      return { id: source.id, checkedAt, result };
    }),
  );
}
