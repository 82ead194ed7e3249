import { expect, panel, recordRequests, settledPanelCount, test } from './fixtures';

test('a public-sector repository shows one panel with its OSPO contact', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  const p = panel(page);
  await expect(p).toBeVisible();
  await expect(p).toHaveAttribute('data-status', 'public-sector');
  await expect(p.getByTestId('org-name')).toContainText("Institut national de l'information géographique");
  await expect(p.getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  await expect(p.getByTestId('ospo-name')).toHaveAttribute('data-ospo-scope', 'own');
  await expect(p.getByTestId('ospo-email')).toHaveAttribute('href', 'mailto:opensource@ign.fr');
  await expect(p.getByTestId('ospo-url')).toHaveAttribute('href', /^https:\/\/www\.ign\.fr\//);
  await expect(p.locator('[data-catalogue="code-gouv-fr"]')).toHaveAttribute('href', /^https:\/\/code\.gouv\.fr\//);
  await expect(p.locator('[data-catalogue="registry-entry"]')).toHaveCount(1);
  expect(await settledPanelCount(page)).toBe(1);
  // Beside the About box: inside the sidebar, before it.
  const placement = await page.evaluate(() => document.querySelector('.Layout-sidebar')?.firstElementChild?.tagName);
  expect(placement).toBe('OSPO-LENS-PANEL');
  // The shadow root is open (a test-hook contract).
  expect(await page.evaluate(() => document.querySelector('ospo-lens-panel')?.shadowRoot?.mode)).toBe('open');
});

test('a body without an OSPO shows the national one, labelled nearest', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/InseeFrLab/onyxia');
  const p = panel(page);
  await expect(p.getByTestId('ospo-name')).toHaveAttribute('data-ospo-scope', 'nearest');
  await expect(p.getByTestId('ospo-name')).toContainText('DINUM');
  await expect(p).toContainText('Nearest open source office: Pôle Open Source et Communs Numériques de la DINUM');
  await expect(p).toContainText('This body has no open source office of its own.');
  await expect(p.locator('[data-catalogue="sill"]')).toHaveAttribute('href', 'https://code.gouv.fr/sill/fr/software?id=233');
});

test('an organisation page of a public body shows its panel', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/orgs/GIP-RECIA/repositories');
  await expect(panel(page).getByTestId('ospo-name')).toHaveText('RECIA');
  expect(await settledPanelCount(page)).toBe(1);
});

for (const url of [
  'https://github.com/torvalds/linux',
  'https://github.com/ansible/ansible',
  'https://github.com/settings/profile',
  'https://github.com/IGNF/missing',
]) {
  test(`no panel on ${url}`, async ({ context, sw: _sw }) => {
    const page = await context.newPage();
    await page.goto(url);
    expect(await settledPanelCount(page)).toBe(0);
  });
}

test('no panel on a private repository page, even under a public owner', async ({ context, sw: _sw }) => {
  await context.route('https://github.com/IGNF/secret', async (route) => {
    const { githubHtml } = await import('./fixtures');
    await route.fulfill({ contentType: 'text/html', body: githubHtml(route.request().url(), { public: false }).body });
  });
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/secret');
  expect(await settledPanelCount(page)).toBe(0);
});

test('the toolbar badge and title say when a tab shows a public-sector repository', async ({ context, sw }) => {
  const page = await context.newPage();
  const badge = () =>
    sw.evaluate(async () => {
      type Api = { tabs: { query(q: object): Promise<Array<{ id: number }>> }; action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };
      const c = (globalThis as unknown as { chrome: Api }).chrome;
      const [tab] = await c.tabs.query({ url: 'https://github.com/*' });
      return { text: await c.action.getBadgeText({ tabId: tab!.id }), title: await c.action.getTitle({ tabId: tab!.id }) };
    });
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page)).toBeVisible();
  await expect.poll(badge).toEqual({ text: '✓', title: expect.stringContaining("Public sector: Institut national de l'information") });
  await page.goto('https://github.com/torvalds/linux');
  await expect.poll(badge).toEqual({ text: '', title: 'OSPO Lens' });
});

test('the panel remembers that it was collapsed', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  await panel(page).getByRole('button').click();
  await expect(panel(page).getByTestId('ospo-name')).toHaveCount(0);
  await page.goto('https://github.com/InseeFrLab/onyxia');
  // Folded, its one line still says whose code it is.
  await expect(panel(page).locator('.short')).toContainText('Insee');
  await expect(panel(page).getByRole('button')).toHaveAttribute('aria-expanded', 'false');
  await panel(page).getByRole('button').click();
  await expect(panel(page).getByTestId('ospo-name')).toBeVisible();
});

test('with "private repositories" on, a public body’s private repository gets the panel but no licence request', async ({ context, extensionId }) => {
  await context.route('https://github.com/IGNF/secret', async (route) => {
    const { githubHtml } = await import('./fixtures');
    await route.fulfill({ contentType: 'text/html', body: githubHtml(route.request().url(), { public: false }).body });
  });
  const apiCalls = recordRequests(context, /api\.github\.com|raw\.githubusercontent\.com\/IGNF/);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('opt-private-repos').check();
  await expect(options.getByTestId('opt-private-repos')).toBeChecked();
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/secret');
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  await expect(panel(page).getByTestId('licence-status')).toHaveCount(0);
  expect(apiCalls).toEqual([]);
});
