import { expect, panel, settledPanelCount, tabIdOf, test } from './fixtures';

test('the popup names the owning body of a public-sector repository tab', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  const tab = await tabIdOf(sw, 'https://github.com/IGNF/itowns');
  expect(tab).toBeGreaterThan(0);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-status', 'public-sector');
  await expect(popup.getByTestId('org-name')).toContainText("Institut national de l'information géographique");
  await expect(popup.getByTestId('ospo-email')).toHaveText('opensource@ign.fr');
});

test('the popup says when a repository is not in the registry', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/torvalds/linux');
  const tab = await tabIdOf(sw, 'https://github.com/torvalds/linux');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-status', 'not-listed');
  await expect(popup.getByTestId('popup')).toContainText('Not in the registry.');
});

test('the popup searches the registry, accent- and case-insensitive', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('search').fill('education nationale');
  const results = popup.getByTestId('search-results');
  await expect(results).toContainText("Ministère de l'Éducation nationale");
  await popup.getByTestId('search').fill('OSPO DE L’IGN'.replace('’', "'"));
  await expect(results.getByRole('link', { name: 'opensource@ign.fr' }).first()).toHaveAttribute('href', 'mailto:opensource@ign.fr');
  await popup.getByTestId('search').fill('zzzz-nothing');
  await expect(results).toContainText('Nothing found.');
});

test('the popup says how fresh the data is; updating it is in the options', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('registry-line')).toHaveAttribute('data-origin', 'bundled');
  await expect(popup.getByTestId('freshness')).toHaveAttribute('data-state', 'shipped');
  await expect(popup.getByTestId('freshness')).toHaveText('data from 27 Jul 2026, as shipped with the extension (not updated here yet)');
  await expect(popup.getByTestId('popup-refresh')).toHaveCount(0);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('refresh-now').click();
  await expect(options.getByTestId('refresh-outcome')).toContainText('sources updated');
  await popup.reload();
  await expect(popup.getByTestId('registry-line')).toHaveAttribute('data-origin', 'refreshed');
  await expect(popup.getByTestId('freshness')).toHaveAttribute('data-state', 'checked');
  await expect(popup.getByTestId('freshness')).toContainText(/, checked (now|\d+ seconds? ago)/);
});

test('the popup gives the tab’s licence as its panel read it, and switches panels off and on', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  const tab = await tabIdOf(sw, 'https://github.com/IGNF/itowns');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByTestId('popup-licence')).toContainText('MIT');
  await expect(popup.locator('[data-testid="popup-links"] [data-catalogue="code-gouv-fr"]')).toHaveCount(1);
  const panels = popup.getByTestId('panels-switch');
  await expect(panels).toBeChecked();
  await panels.uncheck();
  await page.goto('https://github.com/IGNF/itowns');
  await expect.poll(() => settledPanelCount(page)).toBe(0);
  await panels.check();
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page)).toBeVisible();
});

test('the popup on a page that is not a repository says so', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/settings/profile');
  const tab = await tabIdOf(sw, 'https://github.com/settings/profile');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-status', 'not-repository');
  await expect(popup.getByTestId('popup')).toContainText('Not a repository page.');
});
