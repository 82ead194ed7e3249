import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ask } from '@/lib/messaging/client';
import { parsePageUrl } from '@/lib/forges';
import { confirmGithub, GITHUB_ANCHORS } from '@/lib/forges/github-dom';
import { PanelMount } from './mount';

/** How long to wait for a page's markers after a navigation before deciding it is not a repository page. */
const CONFIRM_TIMEOUT_MS = 3000;

export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_end',
  main(ctx) {
    const mount = new PanelMount((key, subs) => browser.i18n.getMessage(key as never, subs));
    let current = ''; // identity of the page the panel is for: forge, host, path, kind
    let run = 0;

    async function update() {
      const ref = parsePageUrl(location.href);
      const identity = ref.kind === 'other' ? '' : `${ref.host}/${ref.path}#${ref.kind}`;
      if (identity === current && (identity === '' || mount.isAttached())) return; // same repository: no re-render
      current = identity;
      const mine = ++run;
      if (!identity) return mount.remove();
      const confirmed = await waitForConfirmation(() => confirmGithub(document, ref), ctx.signal);
      if (mine !== run) return; // a newer navigation took over
      if (confirmed !== 'yes') return mount.remove();
      try {
        const result = await ask('lookup', { url: location.href, kind: ref.kind });
        if (mine !== run || !ctx.isValid) return; // stale answer for a previous page: never shown
        if (!result.publicSector) return mount.remove();
        mount.show(result, GITHUB_ANCHORS[ref.kind === 'repository' ? 'repository' : 'organisation']);
      } catch (error) {
        if (mine === run) mount.remove();
        console.debug('[ospo-lens] lookup failed', error);
      }
    }

    const schedule = () => void update();
    // GitHub navigates without page loads (Turbo and React views). Each of these fires on such a navigation;
    // the title changes on all of them. Duplicate triggers are cheap: `update` returns early for the same page.
    for (const event of ['turbo:render', 'turbo:load', 'soft-nav:end', 'soft-nav:react-done', 'popstate', 'pageshow'])
      ctx.addEventListener(window, event as 'popstate', schedule);
    const titleWatch = new MutationObserver(schedule);
    titleWatch.observe(document.head, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      titleWatch.disconnect();
      mount.remove();
    });
    schedule();
  },
});

function waitForConfirmation(check: () => 'yes' | 'no' | 'wait', signal: AbortSignal): Promise<'yes' | 'no'> {
  const first = check();
  if (first !== 'wait') return Promise.resolve(first);
  return new Promise((resolve) => {
    const done = (answer: 'yes' | 'no') => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(answer);
    };
    const observer = new MutationObserver(() => {
      const now = check();
      if (now !== 'wait') done(now);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['content'] });
    const timer = setTimeout(() => done('no'), CONFIRM_TIMEOUT_MS);
    signal.addEventListener('abort', () => done('no'), { once: true });
  });
}
