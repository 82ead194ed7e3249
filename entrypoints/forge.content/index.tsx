import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ask } from '@/lib/messaging/client';
import { parsePageUrl } from '@/lib/forges';
import { detectPage, type Detection } from '@/lib/forges/detect';
import { githubLicenceHint } from '@/lib/forges/github-dom';
import { DEFAULT_SETTINGS, getSettings, setSettings } from '@/lib/storage/settings';
import { formatAge } from '@/lib/i18n/format';
import { PanelMount } from './mount';

/** How long to wait for a page's markers after a navigation before deciding it is not a repository page. */
const CONFIRM_TIMEOUT_MS = 3000;
const INSTANCE = '__ospoLensContentScript';

export default defineContentScript({
  // Static hosts only. Other forges are registered at run time for the hosts the user grants (background).
  matches: ['https://github.com/*', 'https://gitlab.com/*'],
  // document_start: the lookup (local, in the background) runs while the page is still parsing, so the panel
  // can show as soon as the DOM is ready (DESIGN.md §6: close to a static box).
  runAt: 'document_start',
  main(ctx) {
    // The script can arrive twice in one page (registered for a granted host and injected into the open tab):
    // the first live instance keeps the page.
    const global = globalThis as unknown as Record<string, (() => boolean) | undefined>;
    if (global[INSTANCE]?.()) return;
    global[INSTANCE] = () => ctx.isValid;

    const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
    const mount = new PanelMount(t, (panelCollapsed) => void setSettings({ panelCollapsed }).catch(() => undefined));
    const settings = getSettings().catch(() => DEFAULT_SETTINGS);
    void settings.then((s) => s.panelCollapsed && mount.setCollapsed(true));
    /** The toolbar badge follows what this tab shows; a failure here must not touch the panel. */
    const tellBadge = (publicSector: boolean, name?: string) => void ask('pageState', { publicSector, name }).catch(() => undefined);
    let current = ''; // identity of the page the panel is for: host and path
    let state: 'pending' | 'shown' | 'none' = 'none';
    let run = 0;

    async function update() {
      const ref = parsePageUrl(location.href, () => 'gitlab'); // identity only; the DOM decides below
      const identity = ref.kind === 'other' ? '' : `${ref.host}/${ref.path.toLowerCase()}`;
      if (identity === current) {
        // Same repository (another file, tab or issue of it): no re-render; only re-attach if the host page
        // re-rendered the sidebar and dropped the panel.
        if (state === 'shown' && !mount.isAttached()) mount.reattach();
        return;
      }
      current = identity;
      const mine = ++run;
      state = 'none';
      if (!identity) {
        tellBadge(false);
        return mount.remove();
      }
      state = 'pending';
      const early = ask('lookup', { url: location.href, kind: ref.kind }).catch(() => undefined);
      // Private repositories are confirmed here and turned away below unless the user allowed them, so the
      // settings are only awaited on that rare path, not before every panel.
      const detect = () => detectPage(location.href, document, true);
      let page = await waitForConfirmation(detect, ctx.signal);
      // Usually both the answer and the confirmation are there before DOMContentLoaded: render the panel now,
      // detached, so that only attaching it is left for then.
      if (page.answer === 'yes' && !page.private && document.readyState === 'loading') {
        const guess = await early;
        if (mine === run && guess?.publicSector && guess.kind === page.kind && guess.url === location.href)
          mount.prepare(guess, page.kind === 'repository' ? 'loading' : undefined);
      }
      await domReady();
      // Confirmed while the head was still parsing? Decide again on the whole head (e.g. a "private" marker
      // that comes after the repository's name).
      if (page.answer === 'yes') {
        const whole = detect();
        if (whole.answer !== 'wait') page = whole;
      }
      if (mine !== run) return; // a newer navigation took over
      state = 'none';
      if (page.answer !== 'yes' || (page.private && !(await settings).privateRepos)) {
        tellBadge(false);
        return mount.remove();
      }
      try {
        const guessed = await early;
        const result = guessed && guessed.kind === page.kind && guessed.url === location.href ? guessed : await ask('lookup', { url: location.href, kind: page.kind });
        if (mine !== run || !ctx.isValid) return; // stale answer for a previous page: never shown
        const isRepo = page.kind === 'repository';
        tellBadge(result.publicSector, result.organisation?.name);
        if (!result.publicSector && !(isRepo && !page.private && (await settings).licenceEverywhere)) return mount.remove();
        if (mine !== run) return;
        mount.show(result, page.anchors, isRepo && !page.private ? 'loading' : undefined);
        state = 'shown';
        void ask('provenance', { url: location.href }).then((p) => {
          if (mine !== run || !result.publicSector) return;
          const age = p.origin === 'bundled' ? t('registryBundled') : t('registryAge', formatAge(Date.parse(p.generatedAt), Date.now(), browser.i18n.getUILanguage()));
          mount.setFooter(`${p.sources.join(', ')} · ${age}`);
        }, () => undefined);
        if (isRepo && !page.private) {
          const hint = page.ref.forge === 'github' ? githubLicenceHint(document) : undefined;
          const facts = await ask('repoFacts', { url: location.href, hint }).catch(() => undefined);
          if (mine === run && ctx.isValid) mount.setFacts(facts);
        }
      } catch (error) {
        if (mine === run) mount.remove();
        console.debug('[ospo-lens] lookup failed', error);
      }
    }

    const schedule = () => void update();
    // GitHub navigates without page loads (Turbo and React views), GitLab in parts of its UI. Each of these
    // fires on such a navigation and the title changes on all of them; `update` returns early for the same page.
    for (const event of ['turbo:render', 'turbo:load', 'soft-nav:end', 'soft-nav:react-done', 'popstate', 'pageshow'])
      ctx.addEventListener(window, event as 'popstate', schedule);
    const titleWatch = new MutationObserver(schedule);
    // Hosts re-render their sidebars (React hydration, partial updates): put the panel back, at most once a frame.
    let frame = 0;
    const bodyWatch = new MutationObserver(() => {
      if (state !== 'shown' || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (state === 'shown' && !mount.isAttached()) mount.reattach();
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
    schedule();
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
