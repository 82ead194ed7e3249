import { defineContentScript } from 'wxt/utils/define-content-script';
import { createAsk } from '@/lib/messaging/ask';
import { nativeApi } from '@/lib/content/native';
import { createPageFlow } from '@/lib/content/page-flow';
import { seeded, takeSeed } from '@/lib/content/seed';
import { translator } from '@/lib/i18n/message-templates';
import { detectPage, readLayout, readShownProfile, type Detection } from '@/lib/forges/detect';
import { formatDate, messagesLanguage } from '@/lib/i18n/format';
import { PanelMount } from './mount';

/** How long to wait for a page's markers after a navigation before deciding it is not a repository page. */
const CONFIRM_TIMEOUT_MS = 3000;
const INSTANCE = '__ospoLensContentScript';

export default defineContentScript({
  // The panel's code. The build wraps it in a function inside the lean bootstrap (entrypoints/boot.ts), which calls it
  // only on pages that need the panel (lib/build/lazy-panel.ts); that one file is the manifest's content script on
  // github.com and gitlab.com, and is registered at run time for the other forges the user grants.
  registration: 'runtime',
  matches: ['https://github.com/*', 'https://gitlab.com/*'],
  // wxt tells an older copy of this script (from before an update) that a newer one started with an event on the
  // document; its `window.postMessage` of the same news reached every message listener of the page, and took up to
  // 13 ms of the task that starts the panel (#23, sampled). wxt's own coming default.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The script can arrive twice in one page (registered for a granted host and injected into the open tab):
    // the first live instance keeps the page.
    const global = globalThis as unknown as Record<string, (() => boolean) | undefined>;
    const seed = takeSeed(global);
    if (global[INSTANCE]?.()) return;
    global[INSTANCE] = () => ctx.isValid;

    // The messages as the background resolved them (no synchronous `i18n` call in the page), else the browser's.
    // The platform's own API, not the polyfill: the page evaluates less (#23).
    const api = nativeApi();
    const ask = createAsk((message) => api.runtime.sendMessage(message));
    const t = translator(seed?.messages, (key, subs) => api.i18n.getMessage(key, subs));
    // The language the messages are really in (a pt-BR browser reads English): the panel's `lang`, dates, countries.
    const lang = messagesLanguage(api.i18n.getUILanguage());
    // Settings live where content scripts cannot write them: read by message, and the one this script changes, set by message.
    const mount = new PanelMount(t, (collapsed) => void ask('setPanelCollapsed', { collapsed }).catch(() => undefined), lang, () => void ask('openAudit', { url: location.href }).catch(() => undefined));
    // Run by the lean bootstrap, the background planted what it knew for this page: no round trip for it.
    const asks = seeded(seed, {
      lookup: (url, kind) => ask('lookup', { url, kind }),
      settings: () => ask('contentSettings', {}),
      provenance: (url) => ask('provenance', { url }),
    });
    const settings = asks.settings().catch(() => ({ panelCollapsed: false, privateRepos: false, licenceEverywhere: false, panelsHidden: false }));
    void settings.then((s) => s.panelCollapsed && mount.setCollapsed(true));
    const detect = () => detectPage(location.href, document);

    const flow = createPageFlow({
      href: () => location.href,
      detect,
      confirm: () => waitForConfirmation(detect, ctx.signal),
      isLoading: () => document.readyState === 'loading',
      domReady,
      layout: (page) => readLayout(page, document),
      lookup: asks.lookup,
      licence: async (url, page) => (await ask('repoFacts', { url, page })).licence,
      publiccode: (url) => ask('publiccode', { url }),
      accountProfile: (url, shown) => ask('accountProfile', { url, ...(shown ? { shown } : {}) }),
      projectVisibility: (url, projectId) => ask('projectVisibility', { url, projectId }),
      shownProfile: (page, login) => readShownProfile(page, document, login),
      footer: async (url) => {
        const p = await asks.provenance(url);
        const sources = p.sources.join(', ');
        return p.dataDate ? t('dataFromSources', [formatDate(p.dataDate, lang), sources]) : t('dataSources', sources);
      },
      settings: () => settings,
      // The toolbar badge follows what this tab shows; a failure here must not touch the panel.
      pageState: (publicSector, name) => void ask('pageState', { publicSector, name }).catch(() => undefined),
      valid: () => ctx.isValid,
      view: mount,
    });

    const schedule = () => void flow.update().catch((error: unknown) => console.debug('[ospo-lens] page flow failed', error));
    // GitHub navigates without page loads (Turbo and React views), GitLab in parts of its UI. Each of these
    // fires on such a navigation and the title changes on all of them; the flow returns early for the same page.
    for (const event of ['turbo:render', 'turbo:load', 'soft-nav:end', 'soft-nav:react-done', 'popstate', 'pageshow'])
      ctx.addEventListener(window, event as 'popstate', schedule);
    const titleWatch = new MutationObserver(schedule);
    // Hosts re-render their sidebars (React hydration, partial updates): put the panel back, at most once a frame.
    let frame = 0;
    const bodyWatch = new MutationObserver(() => {
      if (flow.state() !== 'shown' || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        flow.keepAttached();
      });
    });
    void domReady().then(() => {
      titleWatch.observe(document.head, { childList: true, subtree: true, characterData: true });
      bodyWatch.observe(document.body, { childList: true, subtree: true });
    });
    ctx.onInvalidated(() => {
      bodyWatch.disconnect();
      titleWatch.disconnect();
      mount.remove();
    });
    // The page flow's first run (the first render, the page's layout) in a task of its own: evaluating the panel's
    // code and running it in one task made it 37-74 ms long (#23: no task over 30 ms that is mostly content script).
    setTimeout(schedule, 0);
  },
});

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

function waitForConfirmation(detect: () => Detection, signal: AbortSignal): Promise<Detection> {
  const first = detect();
  if (first.answer !== 'wait') return Promise.resolve(first);
  return new Promise((resolve) => {
    const done = (page: Detection) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(page);
    };
    const observer = new MutationObserver(() => {
      const now = detect();
      if (now.answer !== 'wait') done(now);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['content', 'data-page'] });
    const timer = setTimeout(() => done({ ...detect(), answer: 'no' }), CONFIRM_TIMEOUT_MS);
    signal.addEventListener('abort', () => done({ ...first, answer: 'no' }), { once: true });
  });
}
