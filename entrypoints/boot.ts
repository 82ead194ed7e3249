import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startBoot } from '@/lib/content/boot';
import { plantSeed, type BootSeed } from '@/lib/content/seed';
import { nativeApi } from '@/lib/content/native';

/**
 * The forge pages' content script, as it starts (#23): no polyfill, no Preact, no layout tables. It asks the
 * background with the platform's own promise-returning `runtime.sendMessage` (Chrome MV3, Firefox) whether the page
 * needs the panel. The panel's code (entrypoints/forge.content) runs only then: the build makes the function below
 * import its file (Chromium) or wraps it in that function (Firefox) (lib/build/lazy-panel.ts). On the pages of no
 * public body it is never evaluated, and in Chromium never compiled.
 */
/** Declared by the build around this script: runs the panel's code (absent in a build that did not wrap it). */
declare const __ospoLensPanel: (() => void | Promise<unknown>) | undefined;
const NAVIGATIONS = ['turbo:render', 'turbo:load', 'soft-nav:end', 'soft-nav:react-done', 'popstate', 'pageshow'];

/**
 * In-page moves that fire none of the forges' events (a bare `history.pushState`): the Navigation API says when the
 * page's URL changed (Chromium); without it (Firefox ESR), the title changes with the page. The title watch costs a
 * non-public page ~2 ms of its script time, the Navigation API's listener nothing measurable (npm run bench).
 */
function watchHistory(onChange: () => void): () => void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', onChange);
    return () => navigation.removeEventListener('currententrychange', onChange);
  }
  const titles = new MutationObserver(onChange);
  const observe = () => titles.observe(document.head, { childList: true, subtree: true, characterData: true });
  if (document.head) observe();
  else document.addEventListener('DOMContentLoaded', observe, { once: true });
  return () => titles.disconnect();
}

export default defineUnlistedScript(() => {
  const api = nativeApi();
  startBoot<BootSeed>({
    href: () => location.href,
    ask: async (url) => {
      const reply = (await api.runtime.sendMessage({ type: 'boot', url })) as { ok?: boolean; value?: { panel?: boolean; seed?: BootSeed } } | undefined;
      return reply?.ok === true && reply.value?.panel === true ? reply.value.seed : undefined;
    },
    load: (seed) => {
      plantSeed(seed);
      // Chromium imports the panel's file (a promise); Firefox runs it inline (lib/build/lazy-panel.ts).
      if (typeof __ospoLensPanel === 'function') void Promise.resolve(__ospoLensPanel()).catch((e: unknown) => console.error('ospo-lens: the panel could not start', e));
    },
    watch: (onChange) => {
      for (const event of NAVIGATIONS) window.addEventListener(event, onChange);
      const stop = watchHistory(onChange);
      return () => {
        for (const event of NAVIGATIONS) window.removeEventListener(event, onChange);
        stop();
      };
    },
  });
});
