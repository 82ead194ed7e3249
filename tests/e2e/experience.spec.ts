import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, expect, panel, tabIdOf, test } from './fixtures';

/** Screenshots for the README: written to assets/screenshots when UPDATE_SCREENSHOTS=1, else to test-results. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve('assets/screenshots') : path.resolve('test-results/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });
const serious = (v: Array<{ impact: string | null }>) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

async function panelBackground(page: Page): Promise<string> {
  return page.locator('ospo-lens-panel').evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.panel')!).backgroundColor);
}

test('the panel follows GitHub’s light and dark themes, with no serious accessibility issue', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(255, 255, 255)');
  expect(serious(await axeViolations(page, 'ospo-lens-panel'))).toEqual([]);
  await page.locator('ospo-lens-panel').screenshot({ path: path.join(SHOTS, 'panel-github-light.png') });

  await page.goto('https://github.com/IGNF/itowns?theme=dark');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(13, 17, 23)');
  expect(serious(await axeViolations(page, 'ospo-lens-panel'))).toEqual([]);
  await page.locator('ospo-lens-panel').screenshot({ path: path.join(SHOTS, 'panel-github-dark.png') });
});

test('the panel follows GitLab’s light and dark themes', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://gitlab.com/healthdatahub/schema-snds');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(255, 255, 255)');
  await page.locator('ospo-lens-panel').screenshot({ path: path.join(SHOTS, 'panel-gitlab.png') });
  await page.goto('https://gitlab.com/healthdatahub/schema-snds?theme=dark');
  await expect(panel(page)).toBeVisible();
  expect(await panelBackground(page)).toBe('rgb(24, 23, 29)');
  expect(serious(await axeViolations(page, 'ospo-lens-panel'))).toEqual([]);
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

test('popup and options: no serious accessibility issue; screenshots', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  const tab = await tabIdOf(sw, 'https://github.com/IGNF/itowns');
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-status', 'public-sector');
  await expect(popup.getByTestId('registry-line')).toBeVisible();
  await popup.getByTestId('search').fill('grenoble');
  await expect(popup.getByTestId('search-results')).toContainText('Grenoble');
  expect(serious(await axeViolations(popup))).toEqual([]);
  await popup.screenshot({ path: path.join(SHOTS, 'popup.png') });

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1100 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('[data-source="codegouvfr-accounts"]')).toBeVisible();
  expect(serious(await axeViolations(options))).toEqual([]);
  await options.screenshot({ path: path.join(SHOTS, 'options.png'), fullPage: false });
});

test.describe('in French', () => {
  test.use({ lang: 'fr' });

  test('a French browser gets the panel, the popup and the options in French', async ({ context, sw, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://github.com/InseeFrLab/onyxia');
    const p = panel(page);
    await expect(p).toContainText('Secteur public');
    await expect(p).toContainText('Aucun OSPO enregistré pour cet organisme.');
    await expect(p.getByTestId('licence-status')).toContainText('Autorisée pour les administrations françaises');
    await expect(p.getByTestId('registry-footer')).toContainText('Registre');
    const tab = await tabIdOf(sw, 'https://github.com/InseeFrLab/onyxia');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
    await expect(popup.getByTestId('popup')).toContainText('Dépôt du secteur public');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { name: 'Registres personnalisés' })).toBeVisible();
  });
});
