/**
 * Trust in data (issue #21), replayed on the built extension: a registry the user adds, benign when added and hostile
 * at its next refresh, speaks for no built-in body; a removal during a refresh stays; one bad upstream line updates
 * the rest and is shown; page scripts cannot drive the panel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { askBackground, expect, grantHost, panel, settledPanelCount, SOURCES_DIR, test } from './fixtures';

const REGISTRY = 'https://registry.example.org/network.json';
const BUILT_IN_PAGES = ['https://github.com/IGNF/itowns', 'https://github.com/BRGM/hubeau', 'https://gitlab.inria.fr/solverstack/chameleon', 'https://github.com/torvalds/linux', 'https://gitlab.com/someone/project'];

/** Benign when added: one new body on a new forge. */
const BENIGN = {
  schemaVersion: 2,
  hosts: [{ host: 'git.newbody.example', forge: 'gitlab', whole: true, country: 'FR' }],
  entries: [{ key: 'git.newbody.example', display: 'https://git.newbody.example', name: 'A new body', country: 'FR', level: 'local' }],
};

/** The same registry at its next refresh: it tries to speak for every built-in body it can reach. */
const HOSTILE = {
  schemaVersion: 2,
  ospos: [{ id: 'evil.example/ospo', name: 'Totally the OSPO', url: 'https://evil.example/ospo', email: 'ospo@evil.example' }],
  hosts: [
    ...BENIGN.hosts,
    { host: 'github.com', forge: 'github', whole: true },
    { host: 'gitlab.inria.fr', forge: 'gitlab', whole: true },
    { host: 'login.evil.example', forge: 'gitlab', whole: true },
  ],
  entries: [
    ...BENIGN.entries,
    { key: 'github.com', display: 'https://github.com', name: 'Every GitHub repository', ospo: 'evil.example/ospo' },
    { key: 'github.com/ignf', display: 'https://github.com/IGNF', name: 'Not IGN', ospo: 'evil.example/ospo' },
    { key: 'github.com/ignf/itowns', display: 'https://github.com/IGNF/itowns', name: 'Not IGN either' },
    { key: 'github.com/impostor', display: 'https://github.com/impostor', name: 'IGN', psoId: 'f610de75-2107-4543-a4e3-fd501a8b611c' },
    { key: 'gitlab.inria.fr', display: 'https://gitlab.inria.fr', name: 'Inria, really' },
    { key: 'login.evil.example', display: 'https://login.evil.example', name: 'A sign-in site' },
  ],
};

type Lookup = { publicSector: boolean; organisation: { name: string } | null; ospo: { name: string; email?: string } | null; customSource?: string };

test.describe('a registry the user adds', () => {
  test.use({ grantable: true });

  test('benign when added, hostile at its next refresh: no built-in answer, label, permission or "enable all" list changes', async ({ context, sw, extensionId }) => {
    // A whole refresh of every source, two options-page round trips and two pages: 26–28 s on a quiet 2-core machine,
    // over the default 30 s on a loaded one (measured in CI-like runs), so it gets its own time.
    test.setTimeout(75_000);
    let served: object = BENIGN;
    await context.route(REGISTRY, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(served) }));
    const answers = async () => Promise.all(BUILT_IN_PAGES.map((url) => askBackground<Lookup>(context, extensionId, { type: 'lookup', url })));
    const known = () => askBackground<Array<{ host: string }>>(context, extensionId, { type: 'knownForges' });
    const permissions = () => sw.evaluate(async () => (await (globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }).chrome.permissions.getAll()).origins?.sort());
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const enableAllList = async () => {
      await options.getByTestId('enable-all').click();
      const hosts = await options.getByTestId('enable-all-list').locator('li').allTextContents();
      await options.getByRole('button', { name: 'Cancel' }).click();
      return hosts;
    };
    const before = { answers: await answers(), known: await known(), enableAll: await enableAllList() };

    await grantHost(context, extensionId, 'registry.example.org');
    const granted = await permissions();
    await options.getByTestId('custom-url').fill(REGISTRY);
    await options.getByTestId('custom-url').press('Enter');
    await expect(options.getByTestId('custom-message')).toHaveText('Added: 1 entry.');

    // Its next refresh turns hostile.
    served = HOSTILE;
    const summary = await askBackground<{ updated: string[] }>(context, extensionId, { type: 'refreshNow' });
    expect(summary.updated).toContain('custom:registry.example.org/network.json');
    await options.reload();

    expect(await answers()).toEqual(before.answers);
    for (const a of await answers()) expect(a.customSource).toBeUndefined();
    expect(await known()).toEqual(before.known);
    expect(await enableAllList()).toEqual(before.enableAll);
    expect(await permissions()).toEqual(granted);
    // What it may add is there, said to be its own; its forges are listed apart, never among the known ones.
    expect(await askBackground<Lookup>(context, extensionId, { type: 'lookup', url: 'https://git.newbody.example/city/tool' })).toMatchObject({ publicSector: true, customSource: 'registry.example.org' });
    await expect(options.getByTestId('custom-forges')).toContainText('login.evil.example');
    await expect(options.getByTestId('custom-forges')).toContainText('From a registry you added: registry.example.org');
    await expect(options.getByTestId('known-forges')).not.toContainText('login.evil.example');
    // Every refused line is listed with its reason in the options.
    const source = options.locator('[data-source^="custom:"]');
    await options.getByTestId('source-list').locator(':scope > summary').click();
    await source.getByTestId('rejected-lines').locator('summary').click();
    await expect(source.getByTestId('rejected-lines')).toContainText('github.com/ignf');
    await expect(source.getByTestId('rejected-lines')).toContainText('built-in');

    // In the page: IGN is IGN, with IGN's OSPO and no "from a registry you added".
    const page = await context.newPage();
    await page.goto('https://github.com/IGNF/itowns');
    await expect(panel(page).getByTestId('org-name')).toContainText('Institut national');
    await expect(panel(page).getByTestId('ospo-email')).toHaveAttribute('href', 'mailto:opensource@ign.fr');
    await expect(panel(page).getByTestId('custom-source')).toHaveCount(0);
    await page.goto('https://github.com/torvalds/linux');
    expect(await settledPanelCount(page)).toBe(0);
  });

  test('removed while a refresh is under way, it stays removed', async ({ context, extensionId }) => {
    let release: () => void = () => undefined;
    let hold = false;
    await context.route(REGISTRY, async (route) => {
      if (hold) await new Promise<void>((r) => (release = r));
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(BENIGN) });
    });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await grantHost(context, extensionId, 'registry.example.org');
    await options.getByTestId('custom-url').fill(REGISTRY);
    await options.getByTestId('custom-url').press('Enter');
    await expect(options.getByTestId('custom-message')).toHaveText('Added: 1 entry.');
    expect((await askBackground<Lookup>(context, extensionId, { type: 'lookup', url: 'https://git.newbody.example/a/b' })).publicSector).toBe(true);

    // A refresh starts and waits on the registry's download; meanwhile the user removes the registry.
    hold = true;
    const refreshing = askBackground(context, extensionId, { type: 'refreshNow' });
    await expect.poll(() => release.toString() !== '() => undefined').toBe(true);
    await options.getByRole('button', { name: `Remove ${REGISTRY}` }).click();
    release();
    await refreshing;
    await expect.poll(async () => (await askBackground<Lookup>(context, extensionId, { type: 'lookup', url: 'https://git.newbody.example/a/b' })).publicSector).toBe(false);
    await options.reload();
    await expect(options.locator('[data-source^="custom:"]')).toHaveCount(0);
  });
});

test('a refresh with one bad upstream line updates everything else and shows the line', async ({ context, extensionId }) => {
  const accounts = fs.readFileSync(path.join(SOURCES_DIR, 'fr-codegouvfr/comptes-organismes-publics.yml'), 'utf8');
  // One new account (the rest of the update) and one line the compiler must set aside.
  const upstream = `${accounts.replace(/^github\.com:\n  forge: github\n  owners:\n/m, (m) => `${m}    ospo-lens-test-body:\n      pso_id: f610de75-2107-4543-a4e3-fd501a8b611c\n`)}\n'*.gouv.fr':\n  forge: gitlab\n`;
  await context.route('https://code.gouv.fr/data/comptes-organismes-publics.yml', (route) => route.fulfill({ contentType: 'application/yaml', body: upstream }));
  const summary = await askBackground<{ updated: string[]; failed: unknown[] }>(context, extensionId, { type: 'refreshNow' });
  expect(summary.updated).toContain('codegouvfr-accounts');
  expect(summary.failed).toEqual([]);
  expect((await askBackground<Lookup>(context, extensionId, { type: 'lookup', url: 'https://github.com/ospo-lens-test-body/tool' })).organisation?.name).toContain('Institut national');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const source = options.locator('[data-source="codegouvfr-accounts"]');
  await options.getByTestId('source-list').locator(':scope > summary').click();
  await source.getByTestId('rejected-lines').locator('summary').click();
  await expect(source.getByTestId('rejected-lines')).toContainText('*.gouv.fr');
  // And the options keep working: a settings change recompiles without an error.
  await options.getByTestId('opt-licence-everywhere').click();
  await expect(options.getByTestId('settings-not-stored')).toHaveCount(0);
  expect((await askBackground<Lookup>(context, extensionId, { type: 'lookup', url: 'https://github.com/IGNF/itowns' })).ospo?.email).toBe('opensource@ign.fr');
});

test('page scripts cannot fold the panel or open the badge: only the user’s own clicks and keys', async ({ context, extensionId, page }) => {
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page)).toHaveAttribute('data-mode', 'panel');
  // The shadow root is open (as tests and assistive tools need): a page script can reach the button and click it.
  await page.evaluate(() => {
    const root = document.querySelector('ospo-lens-panel')!.shadowRoot!;
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    toggle.click();
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await page.waitForTimeout(300);
  await expect(panel(page).locator('button[aria-expanded]').first()).toHaveAttribute('aria-expanded', 'true');
  const settings = await askBackground<{ panelCollapsed: boolean }>(context, extensionId, { type: 'contentSettings' });
  expect(settings.panelCollapsed).toBe(false);
  // The user's own click still works.
  await panel(page).locator('button[aria-expanded]').first().click();
  await expect(panel(page).locator('button[aria-expanded]').first()).toHaveAttribute('aria-expanded', 'false');
});
