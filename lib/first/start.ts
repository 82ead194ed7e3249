import { markTab, type ActionApi } from '../permissions/toolbar-mark';
import { firstAsk } from './ask';
import { answerFirst } from './answer';
import { createForwarder, type EventLike } from './forward';
import { FIRST_GLOBAL, type SessionArea } from './session';

/**
 * Edge: the service worker's first part (Chrome; #23). A worker stopped after its idle time and woken by a forge page
 * answers the page's `boot`, and any `lookup`, from the registry's slices in session storage (lib/first/answer.ts),
 * with this script alone: a few kB, where the whole worker (`background.js`) is parsed, run and opens the registry
 * first. Most pages are no public body's: nothing else runs. For a page that shows the panel, it then loads the whole
 * worker at once: the panel's next questions (its licence, its account) are the whole worker's, and it loads while
 * the page loads the panel's code. Every other event and message, and these when the slices are not there, go to the
 * whole worker, loaded then (lib/first/forward.ts). Firefox runs the whole worker as its background page, as before.
 */
/** The whole worker, fetched while installing. */
const MAIN_SCRIPT = '/background.js';

interface Chrome {
  runtime: { onMessage: EventLike; onInstalled: EventLike; onStartup: EventLike };
  alarms: { onAlarm: EventLike };
  permissions: { onAdded: EventLike; onRemoved: EventLike };
  storage: { session: SessionArea };
  action: ActionApi;
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
}
type Scope = { importScripts(...urls: string[]): void; addEventListener(type: string, listener: () => void): void } & Record<string, unknown>;
type Sender = { url?: string; tab?: { id?: number } };

export function startFirstPart(chrome: Chrome, scope: Scope): void {
  /** Every event the whole worker listens to (tests/e2e/first-part.spec.ts checks it has no other). */
  const events = new Map<string, EventLike>([
    ['runtime.onMessage', chrome.runtime.onMessage],
    ['runtime.onInstalled', chrome.runtime.onInstalled],
    ['runtime.onStartup', chrome.runtime.onStartup],
    ['alarms.onAlarm', chrome.alarms.onAlarm],
    ['permissions.onAdded', chrome.permissions.onAdded],
    ['permissions.onRemoved', chrome.permissions.onRemoved],
  ]);
  const whole = createForwarder(events, () => scope.importScripts(MAIN_SCRIPT));
  /** How many questions this part answered itself (the tests read it). */
  let answered = 0;
  scope[FIRST_GLOBAL] = { events: [...events.keys()], loaded: () => whole.loaded(), answered: () => answered };

  // Installing: the whole worker is fetched now, the only time a worker may. The heavy code is not: it runs in the
  // compiler's document (lib/heavy/remote.ts), and every script fetched now is read again on each start.
  scope.addEventListener('install', () => whole.load());
  for (const [name, event] of events) if (name !== 'runtime.onMessage') event.addListener(whole.listener(name));

  // The storage, toolbar and i18n APIs are reached when a question comes, not at the start: each namespace's first use
  // costs the browser some set-up (the baseline worker touches only `runtime`).
  const deps = {
    get area() {
      return chrome.storage.session;
    },
    markNotPublic: (tabId: number | undefined) => markTab(chrome.action, (key) => chrome.i18n.getMessage(key), tabId, false),
  };
  chrome.runtime.onMessage.addListener(((message: unknown, sender: Sender, respond: (reply: unknown) => void) => {
    if (whole.loaded()) return undefined;
    const ask = firstAsk(message);
    const handOver = () => whole.forward('runtime.onMessage', [message, sender, respond]);
    if (!ask) return handOver();
    answerFirst(ask, sender?.tab?.id, deps).then(
      (answer) => {
        if (!answer) return void handOver();
        answered++;
        respond({ ok: true, value: answer.value });
        // The panel's next questions are the whole worker's: it loads while the page loads the panel's code.
        if (answer.wholeNext) setTimeout(() => whole.load(), 0);
      },
      () => void handOver(),
    );
    return true;
  }) as never);
}
