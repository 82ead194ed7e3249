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
