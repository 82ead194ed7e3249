import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { serve } from '@/lib/messaging/server';
import { bundledRegistry } from '@/lib/registry/bundled';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';

export default defineBackground(() => {
  let index: RegistryIndex | undefined;
  const getIndex = () => (index ??= createIndex(bundledRegistry));

  serve(browser.runtime, {
    lookup: ({ url, kind }) => lookup(getIndex(), url, kind),
    registryStatus: () => {
      const r = getIndex().registry;
      return {
        generatedAt: r.generatedAt,
        entries: r.entries.length,
        ospos: r.ospos.length,
        sources: r.sources.map((s) => ({ id: s.id, title: s.title, kept: s.kept, rejected: s.rejected.length, error: s.error })),
        origin: 'bundled',
      };
    },
  });
});
