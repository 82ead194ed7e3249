import { expect, panel, recordRequests, test } from './fixtures';

test('an allowed licence named by the page needs no request to the forge', async ({ context, sw: _sw }) => {
  // IGNF has its own office: nothing at all is asked of the forge.
  const apiCalls = recordRequests(context, /^https:\/\/api\.github\.com\//);
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  const p = panel(page);
  await expect(p.getByTestId('licence-spdx')).toHaveText('MIT');
  await expect(p.getByTestId('licence-status')).toHaveAttribute('data-status', 'allowed');
  await expect(p.getByTestId('licence-status')).toContainText('Allowed for French administrations (permissive)');
  expect(apiCalls).toEqual([]);
});

// Only the repository API is watched: a body with no contact of its own has its profile asked (#18), which is not
// about the licence.
test('a repository home whose About box shows no licence says so, without asking the forge for the licence', async ({ context, sw: _sw }) => {
  const apiCalls = recordRequests(context, /^https:\/\/api\.github\.com\/repos\//);
  const page = await context.newPage();
  await page.goto('https://github.com/BRGM/hubeau');
  const p = panel(page);
  await expect(p.getByTestId('licence-status')).toHaveAttribute('data-status', 'missing');
  await expect(p.getByTestId('licence-spdx')).toHaveText('');
  await expect(p.getByTestId('licence-status')).toContainText('No licence found');
  expect(apiCalls).toEqual([]);
});

test('on a sub-page, which shows no licence, the forge’s repository API is asked once, then the cache answers', async ({ context, sw: _sw }) => {
  const apiCalls = recordRequests(context, /^https:\/\/api\.github\.com\/repos\//);
  const page = await context.newPage();
  await page.goto('https://github.com/BRGM/hubeau/blob/main/README.md');
  const p = panel(page);
  await expect(p).toHaveAttribute('data-mode', 'badge');
  await p.getByRole('button').first().click();
  await expect(p.getByTestId('licence-status')).toHaveAttribute('data-status', 'missing');
  expect(apiCalls).toEqual(['https://api.github.com/repos/BRGM/hubeau/license']);
  await page.reload();
  await panel(page).getByRole('button').first().click();
  await expect(panel(page).getByTestId('licence-status')).toHaveAttribute('data-status', 'missing');
  expect(apiCalls).toHaveLength(1);
});

test('a licence outside the French list is flagged, with the rule linked', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/etalab/DVF-app');
  const p = panel(page);
  await expect(p.getByTestId('licence-spdx')).toHaveText('GPL-2.0');
  await expect(p.getByTestId('licence-status')).toHaveAttribute('data-status', 'not-in-policy');
  // The rule it was checked against, and its text, are in the details.
  await p.locator('details.more > summary').click();
  await expect(p.getByTestId('licence-policy')).toContainText('Checked against the list of licences French administrations may use (CRPA, art. D323-2-1)');
  await expect(p.getByRole('link', { name: 'why?' })).toHaveAttribute('href', /legifrance/);
});

test('GitHub’s "Other" is resolved from the licence file’s heading (CeCILL-B)', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/geoportal-extensions');
  const p = panel(page);
  await expect(p.getByTestId('licence-spdx')).toHaveText('CECILL-B');
  await expect(p.getByTestId('licence-status')).toHaveAttribute('data-status', 'allowed');
});

test('publiccode.yml: linked, its maintainers shown, and a licence that disagrees is flagged', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/InseeFrLab/onyxia');
  const p = panel(page);
  // The disagreement is said at once; the maintainers and the file's link are in the details.
  await expect(p.getByTestId('publiccode-mismatch')).toBeVisible();
  await expect(p.getByTestId('publiccode-mismatch')).toContainText('AGPL-3.0-or-later');
  await p.locator('details.more > summary').click();
  await expect(p.locator('[data-catalogue="publiccode"]')).toHaveAttribute('href', 'https://github.com/InseeFrLab/onyxia/blob/HEAD/publiccode.yml');
  await expect(p.getByRole('link', { name: 'Équipe Onyxia' })).toHaveAttribute('href', 'mailto:onyxia@insee.fr');
});

test('a GitLab project gets its licence from the same forge’s API', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://gitlab.com/healthdatahub/schema-snds');
  const p = panel(page);
  await expect(p.getByTestId('licence-spdx')).toHaveText('MIT');
  await expect(p.getByTestId('licence-status')).toHaveAttribute('data-status', 'allowed');
});

test('the "licence everywhere" option shows the licence card on a repository outside the registry', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/torvalds/linux');
  await page.waitForTimeout(400);
  await expect(page.locator('ospo-lens-panel')).toHaveCount(0); // off by default

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('opt-licence-everywhere').check();
  await options.reload();
  await expect(options.getByTestId('opt-licence-everywhere')).toBeChecked(); // saved

  await page.reload();
  const p = panel(page);
  await expect(p).toHaveAttribute('data-status', 'not-listed');
  await expect(p.getByTestId('licence-spdx')).toHaveText('MIT');
  await expect(p.getByTestId('licence-status')).toHaveAttribute('data-status', 'osi'); // no country policy for a non-public repository
  await expect(p.getByTestId('org-name')).toHaveCount(0);
});
