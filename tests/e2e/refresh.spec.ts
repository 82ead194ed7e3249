import fs from 'node:fs';
import path from 'node:path';
import { IDLE_MS } from '../../lib/heavy/relay';
import { askBackground, evaluateInWorker, expect, killServiceWorker, panel, settledPanelCount, SOURCES_DIR, stopServiceWorker, test } from './fixtures';

const ACCOUNTS_URL = 'https://code.gouv.fr/data/comptes-organismes-publics.yml';
const accounts = () => fs.readFileSync(path.join(SOURCES_DIR, 'fr-codegouvfr/comptes-organismes-publics.yml'), 'utf8');
/** Test data only: an owner the upstream file gains between two refreshes. */
const withNewOwner = () => accounts().replace(/^github\.com:\n  forge: github\n  owners:\n/m, (m) => `${m}    ospo-lens-test-body:\n      pso_id: f610de75-2107-4543-a4e3-fd501a8b611c\n`);

type Status = { origin: string; generatedAt: string; sources: Array<{ id: string; lastError?: string; lastSuccess?: number }> };
type Summary = { updated: string[]; failed: Array<{ id: string; reason: string }> };

test('refresh now downloads the upstream sources, and the answers follow', async ({ context, extensionId }) => {
  expect((await askBackground<Status>(context, extensionId, { type: 'registryStatus' })).origin).toBe('bundled');
  await context.route(ACCOUNTS_URL, (route) => route.fulfill({ contentType: 'application/yaml', body: withNewOwner() }));
  const summary = await askBackground<Summary>(context, extensionId, { type: 'refreshNow' });
  expect(summary.updated).toContain('codegouvfr-accounts');
  expect(summary.failed).toEqual([]);
  const status = await askBackground<Status>(context, extensionId, { type: 'registryStatus' });
  expect(status.origin).toBe('refreshed');
  const page = await context.newPage();
  await page.goto('https://github.com/ospo-lens-test-body/tool');
  await expect(panel(page).getByTestId('org-name')).toContainText('Institut national');
});

test('a broken upstream keeps the last good registry, and says so', async ({ context, extensionId }) => {
  await context.route(ACCOUNTS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Maintenance</h1>' }));
  const summary = await askBackground<Summary>(context, extensionId, { type: 'refreshNow' });
  expect(summary.failed).toEqual([{ id: 'codegouvfr-accounts', reason: expect.stringContaining('instead of YAML') }]);
  const status = await askBackground<Status>(context, extensionId, { type: 'registryStatus' });
  expect(status.sources.find((s) => s.id === 'codegouvfr-accounts')?.lastError).toContain('instead of YAML');
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('ospo-email')).toHaveAttribute('href', 'mailto:opensource@ign.fr');
});

test('the service worker killed in the middle of a refresh loses nothing', async ({ context, extensionId }) => {
  // A first good refresh, with the new owner.
  await context.route(ACCOUNTS_URL, (route) => route.fulfill({ contentType: 'application/yaml', body: withNewOwner() }));
  await askBackground(context, extensionId, { type: 'refreshNow' });
  // The next refresh hangs on the accounts file, and the worker is killed while it waits.
  await context.unroute(ACCOUNTS_URL);
  let hung = false;
  await context.route(ACCOUNTS_URL, async () => {
    hung = true; // never fulfilled
  });
  const pending = askBackground(context, extensionId, { type: 'refreshNow' }).catch((e: Error) => e);
  await expect.poll(() => hung).toBe(true);
  await killServiceWorker(context);
  expect(await pending).toBeInstanceOf(Error); // the caller is told, not left hanging

  // The worker starts again on the next page, and answers from the last good registry.
  const page = await context.newPage();
  await page.goto('https://github.com/ospo-lens-test-body/tool');
  await expect(panel(page).getByTestId('org-name')).toContainText('Institut national');
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  expect(await settledPanelCount(page)).toBe(1);
});

test('options list the sources with their state; switching one off changes the answers', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const nl = options.locator('[data-source="nl-developer-overheid"]');
  await expect(nl).toContainText('raw.githubusercontent.com');
  await expect(nl).toContainText('never downloaded');
  await options.getByTestId('refresh-now').click();
  await expect(options.getByTestId('refresh-outcome')).toContainText('sources updated');
  await expect(nl).toContainText('last successful download');
  await options.getByTestId('source-list').locator(':scope > summary').click();
  await nl.getByRole('switch').uncheck();
  await expect(nl.getByRole('switch')).not.toBeChecked();
  const page = await context.newPage();
  await expect
    .poll(async () => {
      await page.goto('https://github.com/belastingdienst');
      return page.locator('ospo-lens-panel').count();
    })
    .toBe(0);
  await nl.getByRole('switch').check();
  await expect
    .poll(async () => {
      await page.goto('https://github.com/belastingdienst');
      return panel(page).getByTestId('org-name').textContent({ timeout: 1500 }).catch(() => null);
    })
    .toBe('Belastingdienst');
});

test('the panel footer says where the answer came from and the date of its data', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  // code.gouv.fr's accounts file as bundled: its upstream date (PROVENANCE.md), not the time it was compiled.
  await expect(panel(page).getByTestId('registry-footer')).toHaveText('Data from 22 Sept 2025 · code.gouv.fr, FLOSS-PSO');
});

test('with every source failing, no surface claims a fresh update: each says the update failed and keeps the date', async ({ context, extensionId, sw }) => {
  await context.route(/^https:\/\/(code\.gouv\.fr|raw\.githubusercontent\.com)\//, (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'down' }));
  const summary = await askBackground<Summary>(context, extensionId, { type: 'refreshNow' });
  expect(summary.updated).toEqual([]);
  expect(summary.failed.length).toBeGreaterThanOrEqual(5);
  const fresh = /checked|updated|just now/i; // a claim that the data was refreshed

  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  const footer = panel(page).getByTestId('registry-footer');
  await expect(footer).toHaveText('Data from 22 Sept 2025 · code.gouv.fr, FLOSS-PSO');

  const { tabIdOf } = await import('./fixtures');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(sw, 'https://github.com/IGNF/itowns')}`);
  const line = popup.getByTestId('freshness');
  await expect(line).toHaveAttribute('data-state', 'failed');
  await expect(line).toContainText('the last update failed');
  await expect(line).toContainText('still using the data from 27 Jul 2026');
  expect(await popup.getByTestId('registry-line').textContent()).not.toMatch(/checked|updated/);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('freshness')).toHaveAttribute('data-state', 'failed');
  const accounts = options.locator('[data-source="codegouvfr-accounts"]');
  await expect(accounts).toContainText('data from 22 Sept 2025');
  await expect(accounts).toContainText('never downloaded here');
  await expect(accounts).toContainText('Last error: the server answered with error 503');
  for (const text of [await footer.textContent(), await options.getByTestId('registry-line').textContent()]) expect(text).not.toMatch(fresh);
});

test('a worker woken by a page answers without the compiler; a refresh compiles in the compiler\'s document, and the worker never holds the compiler', async ({ context, extensionId, sw }) => {
  test.setTimeout(IDLE_MS + 45_000); // the document's own closing is waited for
  await expect.poll(() => sw.evaluate(() => (globalThis as unknown as { serviceWorker: { state: string } }).serviceWorker.state)).toBe('activated');
  await stopServiceWorker(context, sw);
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  const compilerHere = async () => (await evaluateInWorker(context, "'__ospoLensHeavy' in globalThis")) as boolean;
  // Their addresses as given (one being created may have none yet).
  const documents = async () => (await evaluateInWorker(context, "chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.map((x) => x.documentUrl ?? ''))")) as string[];
  expect(await compilerHere()).toBe(false);
  // (The page's publiccode.yml may have had the compiler's document opened already: it is opened as its download starts.)
  // Installing fetched only the whole worker: its start reads no compiler, and it could not import one.
  expect(await evaluateInWorker(context, "(() => { try { importScripts('/compiler-worker.js'); return 'imported'; } catch (e) { return e.name; } })()")).toBe('NetworkError');
  await context.route(ACCOUNTS_URL, (route) => route.fulfill({ contentType: 'application/yaml', body: withNewOwner() }));
  // While the refresh runs, the compiler's document is open; once it is done, it is closed.
  let seen: string[] | undefined;
  let done = false;
  const watching = (async () => {
    while (!seen && !done) {
      const now = await documents();
      if (now.some((url) => url.endsWith('/compiler.html'))) seen = now;
    }
  })();
  const summary = await askBackground<Summary>(context, extensionId, { type: 'refreshNow' });
  done = true;
  await watching;
  expect(summary).toMatchObject({ updated: expect.arrayContaining(['codegouvfr-accounts']), failed: [] });
  expect(seen).toEqual([`chrome-extension://${extensionId}/compiler.html`]);
  expect(await compilerHere()).toBe(false);
  await page.goto('https://github.com/ospo-lens-test-body/tool');
  await expect(panel(page).getByTestId('org-name')).toContainText('Institut national');
  // Kept a while for the next job, the document then closes itself.
  expect(await documents()).toEqual([`chrome-extension://${extensionId}/compiler.html`]);
  await expect.poll(documents, { timeout: IDLE_MS + 15_000, intervals: [1000] }).toEqual([]);
});
