import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { askBackground, evaluateInWorker, expect, panel, SOURCES_DIR, stopServiceWorker, test } from './fixtures';

/**
 * The service worker's first part (#23, lib/first/): a worker stopped after its idle time and woken by a forge page
 * answers from the registry's slices in session storage, without loading the whole worker; everything else loads it.
 */

/** What the extension's session storage holds under `key` (read from its own page: content scripts cannot). */
async function sessionValue(context: BrowserContext, extensionId: string, key: string): Promise<unknown> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate(async (k) => (await (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(k))[k], key);
  } finally {
    await page.close();
  }
}
const wholeWorkerLoaded = async (context: BrowserContext) => (await evaluateInWorker(context, 'globalThis.__ospoLensFirst.loaded()')) as boolean;
/** How many questions the running worker's first part answered itself. */
const answeredFirst = async (context: BrowserContext) => (await evaluateInWorker(context, 'globalThis.__ospoLensFirst.answered()')) as number;
const slicesStamp = async (context: BrowserContext, extensionId: string) => ((await sessionValue(context, extensionId, 'ol:meta')) as { stamp?: string } | undefined)?.stamp;

test.beforeEach(async ({ context, extensionId, sw }) => {
  await expect.poll(() => sw.evaluate(() => (globalThis as unknown as { serviceWorker: { state: string } }).serviceWorker.state)).toBe('activated');
  // The whole worker, loaded while installing, writes the slices and the settings' copy for its later wakes.
  await expect.poll(() => slicesStamp(context, extensionId)).toBeTruthy();
  await expect.poll(() => sessionValue(context, extensionId, 'ol:settings')).toBeTruthy();
  await expect.poll(() => sessionValue(context, extensionId, 'ol:messages')).toMatchObject({ publicSector: expect.any(String), licenceLoading: expect.any(String) });
});

test('a worker woken by forge pages: the first part answers a page of no public body alone; a public body\'s page too, and loads the whole worker for its panel', async ({ context, sw }) => {
  await stopServiceWorker(context, sw);
  const page = await context.newPage();
  // Most pages: no public body's. The first part answers, and nothing else runs.
  await page.goto('https://github.com/torvalds/linux');
  await page.waitForTimeout(400);
  await expect(page.locator('ospo-lens-panel')).toHaveCount(0);
  expect(await answeredFirst(context)).toBe(1);
  expect(await wholeWorkerLoaded(context)).toBe(false);
  // A public body's page: the first part answers its boot too (with the messages the whole worker left), then loads
  // the whole worker, which its panel asks next (its licence, its account).
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  await expect(panel(page).getByTestId('org-name')).toContainText("Institut national de l'information géographique");
  await expect(panel(page).getByTestId('licence-status')).toHaveAttribute('data-status', /./);
  expect(await answeredFirst(context)).toBe(2);
  expect(await wholeWorkerLoaded(context)).toBe(true);
});

test('every event the whole worker listens to, its first part listens to (so none is lost on a wake)', async ({ context, extensionId }) => {
  // Any question of the popup loads the whole worker.
  await askBackground(context, extensionId, { type: 'registryStatus' });
  expect(await wholeWorkerLoaded(context)).toBe(true);
  const found = (await evaluateInWorker(
    context,
    `(() => {
      const listened = [];
      for (const ns of Object.keys(chrome)) {
        let api;
        try { api = chrome[ns]; } catch { continue; }
        if (!api || typeof api !== 'object') continue;
        for (const name of Object.keys(api)) {
          let event;
          try { event = api[name]; } catch { continue; }
          if (/^on[A-Z]/.test(name) && event && typeof event.hasListeners === 'function' && event.hasListeners()) listened.push(ns + '.' + name);
        }
      }
      return { listened: listened.sort(), first: [...globalThis.__ospoLensFirst.events].sort() };
    })()`,
  )) as { listened: string[]; first: string[] };
  expect(found.listened).toEqual(found.first);
  expect(found.first).toContain('runtime.onMessage');
});

test('a setting changed in the options reaches the first part: its next answer follows it (a panel, where it said none)', async ({ context, extensionId, sw }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('opt-licence-everywhere').check();
  await expect.poll(() => sessionValue(context, extensionId, 'ol:settings')).toMatchObject({ licenceEverywhere: true });
  await options.close();
  await stopServiceWorker(context, sw);
  const page = await context.newPage();
  // With the copy of before, the first part would answer "no panel": it answers "a panel" (the licence card).
  await page.goto('https://github.com/torvalds/linux');
  await expect(panel(page)).toHaveAttribute('data-status', 'not-listed');
  expect(await answeredFirst(context)).toBe(1);
});

test('a refresh that brings another registry replaces the slices the first part reads', async ({ context, extensionId, sw }) => {
  const before = await slicesStamp(context, extensionId);
  const accounts = fs.readFileSync(path.join(SOURCES_DIR, 'fr-codegouvfr/comptes-organismes-publics.yml'), 'utf8');
  // Test data only: an owner the upstream file gains.
  const body = accounts.replace(/^github\.com:\n  forge: github\n  owners:\n/m, (m) => `${m}    ospo-lens-test-body:\n      pso_id: f610de75-2107-4543-a4e3-fd501a8b611c\n`);
  await context.route('https://code.gouv.fr/data/comptes-organismes-publics.yml', (route) => route.fulfill({ contentType: 'application/yaml', body }));
  await askBackground(context, extensionId, { type: 'refreshNow' });
  await expect.poll(() => slicesStamp(context, extensionId)).not.toBe(before);
  await stopServiceWorker(context, sw);
  const page = await context.newPage();
  // The new account is in the slices the first part reads, and its page shows the panel.
  expect(await sessionValue(context, extensionId, 'ol:e:github.com/ospo-lens-test-body')).toMatchObject({ key: 'github.com/ospo-lens-test-body', name: expect.stringContaining('Institut national') });
  await page.goto('https://github.com/ospo-lens-test-body/tool');
  await expect(panel(page).getByTestId('org-name')).toContainText('Institut national');
});
