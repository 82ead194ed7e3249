import { expect, tabIdOf, test } from './fixtures';

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

test('the popup shows the registry state and refreshes it', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('registry-line')).toHaveAttribute('data-origin', 'bundled');
  await popup.getByTestId('popup-refresh').click();
  await expect(popup.getByRole('status')).toContainText('sources updated');
  await expect(popup.getByTestId('registry-line')).toHaveAttribute('data-origin', 'refreshed');
  await expect(popup.getByTestId('registry-line')).toContainText('updated');
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
