import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, expect, panel, tabIdOf, test } from './fixtures';

/** Screenshots for the README: written to assets/screenshots when UPDATE_SCREENSHOTS=1, else to test-results. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve('assets/screenshots') : path.resolve('test-results/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

async function panelBackground(page: Page): Promise<string> {
  return page.locator('ospo-lens-panel').evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.panel')!).backgroundColor);
}

test('the panel follows GitHub’s light and dark themes, with no accessibility issue', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(255, 255, 255)');
  await noViolations(page, 'ospo-lens-panel');

  await page.goto('https://github.com/IGNF/itowns?theme=dark');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(13, 17, 23)');
  await noViolations(page, 'ospo-lens-panel');
});

test('the panel follows GitLab’s light and dark themes', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://gitlab.com/healthdatahub/schema-snds');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(255, 255, 255)');
  await page.goto('https://gitlab.com/healthdatahub/schema-snds?theme=dark');
  await expect(panel(page)).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(24, 23, 29)');
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
    await expect(options.locator('[data-source="codegouvfr-accounts"]')).toBeVisible();
    await expect(options.getByTestId('known-forges').locator('li').first()).toBeVisible();
    expect(await fontSize(options)).toBeGreaterThanOrEqual(13);
    await noViolations(options);
    await options.screenshot({ path: path.join(SHOTS, `options-${scheme}.png`) });

    const welcome = await context.newPage();
    await welcome.emulateMedia({ colorScheme: scheme });
    await welcome.setViewportSize({ width: 900, height: 1000 });
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(welcome.getByTestId('welcome-forges')).toContainText('github.com');
    await expect(welcome.getByTestId('enable-all')).toBeVisible();
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
    await expect(panel(page).getByTestId('registry-footer')).toBeVisible();
    await noViolations(page, 'ospo-lens-panel');
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
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
  // One line: the badge, the name and the verdict share a top.
  const tops = await page.locator('ospo-lens-panel').evaluate((host) => ['.badge', '.who', '.verdict', '.toggle'].map((s) => Math.round(host.shadowRoot!.querySelector(s)!.getBoundingClientRect().top / 8)));
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
    await expect(p).toContainText('Aucun OSPO enregistré pour cet organisme.');
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
