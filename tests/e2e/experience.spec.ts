import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, expect, panel, tabIdOf, test } from './fixtures';

/** Screenshots for the README: written to assets/screenshots when UPDATE_SCREENSHOTS=1, else to test-results. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve('assets/screenshots') : path.resolve('test-results/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

/** The panel has no box of its own (a sidebar section, like the forge's): its text takes the forge's colour token. */
async function panelColour(page: Page): Promise<string> {
  return page.locator('ospo-lens-panel').evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.panel')!).color);
}

test('the panel follows GitHub’s light and dark themes, with no accessibility issue', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelColour(page)).toBe('rgb(31, 35, 40)'); // --fgColor-default, light
  await noViolations(page, 'ospo-lens-panel');

  await page.goto('https://github.com/IGNF/itowns?theme=dark');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelColour(page)).toBe('rgb(240, 246, 252)'); // --fgColor-default, dark
  await noViolations(page, 'ospo-lens-panel');
});

test('the panel follows GitLab’s light and dark themes', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://gitlab.com/healthdatahub/schema-snds');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelColour(page)).toBe('rgb(58, 56, 63)'); // --gl-text-color-default, light
  await page.goto('https://gitlab.com/healthdatahub/schema-snds?theme=dark');
  await expect(panel(page)).toBeVisible();
  expect(await panelColour(page)).toBe('rgb(236, 236, 239)'); // --gl-text-color-default, dark
  await noViolations(page, 'ospo-lens-panel');
});

test('the panel is keyboard-operable: its toggle collapses it and says so', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  const toggle = panel(page).getByRole('button');
  await toggle.focus();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page).getByTestId('ospo-name')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(panel(page).getByTestId('ospo-name')).toBeVisible();
});

/** Every axe violation, any impact, on an extension page or inside the panel. */
async function noViolations(page: Page, include?: string): Promise<void> {
  const found = await axeViolations(page, include);
  expect(found, JSON.stringify(found, null, 1)).toEqual([]);
}

const fontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

for (const scheme of ['light', 'dark'] as const)
  test(`popup, options and first-run page (${scheme}): no axe violation at all, body text ≥ 13 px; screenshots`, async ({ context, sw, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://github.com/IGNF/itowns');
    await expect(panel(page).getByTestId('licence-status')).toBeVisible();
    const tab = await tabIdOf(sw, 'https://github.com/IGNF/itowns');

    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
    await expect(popup.getByTestId('popup')).toHaveAttribute('data-status', 'public-sector');
    await expect(popup.getByTestId('popup-licence')).toContainText('MIT');
    await expect(popup.getByTestId('freshness')).toBeVisible();
    await popup.getByTestId('search').fill('grenoble');
    await expect(popup.getByTestId('search-results')).toContainText('Grenoble');
    expect(await fontSize(popup)).toBeGreaterThanOrEqual(13);
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(scheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)');
    await noViolations(popup);
    await popup.screenshot({ path: path.join(SHOTS, `popup-${scheme}.png`) });

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 900, height: 1100 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    // The long lists open on a click: display and forges come first.
    await expect(options.locator('[data-source="codegouvfr-accounts"]')).toBeHidden();
    await options.getByTestId('source-list').locator(':scope > summary').click();
    await expect(options.locator('[data-source="codegouvfr-accounts"]')).toBeVisible();
    await options.locator('details.forge-list > summary').click();
    await expect(options.getByTestId('known-forges').locator('li').first()).toBeVisible();
    expect(await fontSize(options)).toBeGreaterThanOrEqual(13);
    await noViolations(options);
    await options.screenshot({ path: path.join(SHOTS, `options-${scheme}.png`) });

    const welcome = await context.newPage();
    await welcome.emulateMedia({ colorScheme: scheme });
    await welcome.setViewportSize({ width: 900, height: 1000 });
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(welcome.getByTestId('welcome-forges')).toContainText('github.com');
    // The panel itself, on a repository to try, and no permission asked up front.
    await expect(welcome.getByTestId('try-repository')).toHaveAttribute('href', 'https://github.com/IGNF/itowns');
    await expect(welcome.getByTestId('welcome-preview').locator('[data-testid="org-name"]')).toContainText('Institut national');
    await expect(welcome.getByTestId('enable-all')).toHaveCount(0);
    expect(await fontSize(welcome)).toBeGreaterThanOrEqual(13);
    await noViolations(welcome);
    await welcome.screenshot({ path: path.join(SHOTS, `welcome-${scheme}.png`) });
  });

test('the panel in page context, light and dark, GitHub and GitLab: no axe violation at all; screenshots', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });
  for (const [url, name] of [
    ['https://github.com/IGNF/itowns', 'panel-github-light'],
    ['https://github.com/IGNF/itowns?theme=dark', 'panel-github-dark'],
    ['https://gitlab.com/healthdatahub/schema-snds', 'panel-gitlab-light'],
    ['https://gitlab.com/healthdatahub/schema-snds?theme=dark', 'panel-gitlab-dark'],
  ] as const) {
    await page.goto(url);
    await expect(panel(page).getByTestId('licence-status')).toBeVisible();
    await noViolations(page, 'ospo-lens-panel');
    // The details (what an office is, policy, catalogues, sources and date) open with one keyboard step.
    await expect(panel(page).getByTestId('registry-footer')).toBeHidden();
    await panel(page).locator('details.more > summary').focus();
    await page.keyboard.press('Enter');
    await expect(panel(page).getByTestId('registry-footer')).toBeVisible();
    await noViolations(page, 'ospo-lens-panel');
    // GitHub's pictures for the README are taken on a real capture dressed in Primer (at-home.spec.ts).
    if (name.startsWith('panel-gitlab')) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }
});

test('folded, the panel is one line (≤ 40 px) that keeps the licence verdict; no axe violation', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Hide details' }).click();
  const verdict = panel(page).getByTestId('licence-verdict');
  await expect(verdict).toBeVisible();
  await expect(verdict).toContainText('MIT');
  const height = await page.locator('ospo-lens-panel').evaluate((host) => host.getBoundingClientRect().height);
  expect(height).toBeLessThanOrEqual(40);
  // One line that still says whose code it is: the heading with the body's short name, the verdict, the toggle.
  await expect(panel(page).locator('.short')).toContainText('IGN');
  const tops = await page.locator('ospo-lens-panel').evaluate((host) =>
    ['.heading', '.verdict', '.toggle'].map((s) => {
      const r = host.shadowRoot!.querySelector(s)!.getBoundingClientRect();
      return Math.round((r.top + r.height / 2) / 8); // the middle of each: one line, centred
    }),
  );
  expect(new Set(tops).size).toBe(1);
  await noViolations(page, 'ospo-lens-panel');
  await page.locator('ospo-lens-panel').screenshot({ path: path.join(SHOTS, 'panel-folded.png') });
});

test.describe('in French', () => {
  test.use({ lang: 'fr' });

  test('a French browser gets the panel, the popup, the options and the first-run page in French, with no axe violation', async ({ context, sw, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://github.com/InseeFrLab/onyxia');
    const p = panel(page);
    await expect(p).toContainText('Secteur public');
    await expect(p).toContainText('Cet organisme n’a pas de bureau open source à lui.');
    await expect(p.getByTestId('licence-status')).toContainText('Autorisée pour les administrations françaises');
    await expect(p.getByTestId('registry-footer')).toHaveText(/^Données du 22 sept\. 2025 · code\.gouv\.fr/);
    await expect(p).toHaveAttribute('lang', 'fr');
    await expect(p.getByTestId('catalogue-links')).toContainText('Catalogues\u202f:');
    await noViolations(page, 'ospo-lens-panel');
    const tab = await tabIdOf(sw, 'https://github.com/InseeFrLab/onyxia');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
    await expect(popup.getByTestId('popup')).toContainText('Dépôt du secteur public');
    await expect(popup.getByTestId('freshness')).toContainText('données du 27 juil. 2026');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    await noViolations(popup);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'Registres personnalisés' })).toBeVisible();
    await options.getByTestId('source-list').locator(':scope > summary').click();
    await expect(options.locator('[data-source="codegouvfr-accounts"]')).toContainText(/\d+ entrées retenues · données du 22 sept\. 2025/);
    await noViolations(options);
    const welcome = await context.newPage();
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('OSPO Lens est prêt');
    await noViolations(welcome);
  });
});

test.describe('in a language the extension does not have', () => {
  test.use({ lang: 'pt-BR' });

  test('a pt-BR browser reads English, and the text says lang="en"', async ({ context, sw, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://github.com/IGNF/itowns');
    await expect(panel(page)).toContainText('Public sector');
    await expect(panel(page)).toHaveAttribute('lang', 'en');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(sw, 'https://github.com/IGNF/itowns')}`);
    await expect(popup.getByTestId('popup')).toContainText('Public sector');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(popup.getByTestId('freshness')).toContainText('data from Jul 27, 2026'); // English as written in the U.S.
  });
});
