import { accountKey } from './account-key';
import { safeSourceUrl } from './source-url';
import type { SourceDef } from './sources/types';

/**
 * What the service worker needs to know of a source without its reader: its id, title, files, where it is refreshed
 * from. The readers (YAML and CSV parsers, the per-source zod schemas) are the heavy code the worker loads only to
 * refresh or compile (lib/heavy, #23). The built-in sources' records: lib/registry/builtin-sources.ts.
 */
export type SourceInfo = Omit<SourceDef, 'parse'>;

export function infoOf(def: SourceDef): SourceInfo {
  const { parse: _parse, ...info } = def;
  return info;
}

/** A registry someone else publishes in our compiled format: its record (lib/registry/sources/custom.ts reads it). */
export function customSourceInfo(url: string, options: { allowLoopback?: boolean } = {}): SourceInfo {
  // Checked where the source is built, whatever the settings say (they could have been written by anyone).
  const safe = safeSourceUrl(url, options);
  if (!safe.ok) throw new Error(`custom registry ${url}: ${safe.reason}`);
  return {
    id: `custom:${accountKey(url) ?? url}`,
    title: `Custom registry ${new URL(url).host}`,
    file: '',
    upstream: url,
    fetchUrl: url,
    format: 'json',
    licence: 'as published',
    editUrl: url,
  };
}
