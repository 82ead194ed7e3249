/**
 * Issue #22, at home on the forge: the panel measured on real captures dressed in GitHub's published design system
 * (@primer/css, @primer/primitives' tokens and themes), at the widths people use, light and dark — its height, the
 * name's lines, how far it moves GitHub's own About, the layout shift it adds, the page's font; the header badge on
 * sub-pages: its height and the tabs it must not move. Screenshots in context for the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, panel, test } from './fixtures';
import { NOT_RUN_REASON, REAL_PAGES_AVAILABLE, readCapture, swapOwner, CAPTURES } from '../real-pages';

test.skip(!REAL_PAGES_AVAILABLE, NOT_RUN_REASON);

const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve('assets/screenshots') : path.resolve('test-results/screenshots');
const PRIMER = path.resolve('node_modules/@primer');
const css = (file: string) => fs.readFileSync(path.join(PRIMER, file), 'utf8');
/** GitHub's stylesheets by the names the capture links them under → Primer's published files. */
const DRESS: Array<[RegExp, () => string]> = [
  [/\/primer-primitives-[^/]*\.css$/, () => ['primitives/dist/css/functional/size/size.css', 'primitives/dist/css/functional/size/border.css', 'primitives/dist/css/functional/size/radius.css', 'primitives/dist/css/functional/typography/typography.css', 'primitives/dist/css/base/size/size.css', 'primitives/dist/css/base/typography/typography.css'].map(css).join('\n')],
  [/\/primer-[0-9a-f]+\.css$/, () => css('css/dist/primer.css')],
  [/\/light-[0-9a-f]+\.css$/, () => css('primitives/dist/css/functional/themes/light.css')],
  [/\/dark-[0-9a-f]+\.css$/, () => css('primitives/dist/css/functional/themes/dark.css')],
];

/** Serve a capture at `url`, dressed in Primer; the rest of GitHub's assets (scripts, images, its own app CSS) are not served. */
async function serveDressed(page: Page, url: string, html: string): Promise<void> {
  // The last route registered is tried first: the stylesheets before the catch-all that aborts GitHub's other assets.
  await page.route(/^https:\/\/(github\.githubassets\.com|avatars\.githubusercontent\.com|collector\.github\.com|user-images\.githubusercontent\.com)/, (route) => route.abort());
  await page.route(/^https:\/\/github\.githubassets\.com\/.*\.css$/, (route) => {
    const dress = DRESS.find(([re]) => re.test(route.request().url()));
    const headers = { 'access-control-allow-origin': '*' }; // the capture links its sheets crossorigin
    return route.fulfill({ status: 200, contentType: 'text/css', headers, body: dress ? dress[1]() : '' });
  });
  await page.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** Layout shifts (not after input), from the start of the page. */
const RECORD_CLS = () => {
  (window as unknown as { __cls: number }).__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

const capture = (file: string) => CAPTURES.find((c) => c.file === file)!;
const HOME = 'github-repo-2026-08-microsoft-playwright.html';

for (const scheme of ['light', 'dark'] as const)
  for (const width of [1440, 1280, 1012, 768])
    test(`dressed 2026 repository home, ${scheme}, ${width} px: ≤ 240 px unfolded, the name in ≤ 2 lines, About moved by no more than the panel, CLS ≤ 0.01, the page’s font`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.addInitScript(RECORD_CLS);
      const { url, html } = swapOwner(capture(HOME), readCapture(HOME));
      await serveDressed(page, url, html);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const root = panel(page);
      await expect(root).toHaveAttribute('data-mode', 'panel');
      await expect(root.getByTestId('licence-status')).toBeVisible();
      await page.waitForTimeout(500);
      const m = await page.evaluate(() => {
        const host = document.querySelector('ospo-lens-panel') as HTMLElement;
        const name = host.shadowRoot!.querySelector('[data-testid="org-name"]') as HTMLElement;
        const who = name.closest('.who') as HTMLElement;
        const about = [...document.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'About');
        const aboutWith = about ? about.getBoundingClientRect().top + scrollY : 0;
        const height = host.getBoundingClientRect().height;
        const margin = parseFloat(getComputedStyle(host).marginBottom);
        const fontPanel = getComputedStyle(host.shadowRoot!.querySelector('.panel')!).fontFamily;
        const fontPage = getComputedStyle(about ?? document.body).fontFamily;
        const lines = Math.round(who.getBoundingClientRect().height / parseFloat(getComputedStyle(who).lineHeight));
        host.style.display = 'none';
        const aboutWithout = about ? about.getBoundingClientRect().top + scrollY : 0;
        host.style.display = '';
        return { height, margin, lines, moved: aboutWith - aboutWithout, fontPanel, fontPage, cls: (window as unknown as { __cls: number }).__cls, about: !!about };
      });
      expect(m.about).toBe(true);
      expect(m.height, JSON.stringify(m)).toBeLessThanOrEqual(240);
      expect(m.lines, JSON.stringify(m)).toBeLessThanOrEqual(2);
      expect(m.moved, JSON.stringify(m)).toBeLessThanOrEqual(m.height + m.margin + 1);
      expect(m.cls, JSON.stringify(m)).toBeLessThanOrEqual(0.01);
      expect(m.fontPanel).toBe(m.fontPage);
      // In context: the sidebar around the panel, GitHub's About below it.
      if (width === 1280) {
        const box = (await page.locator('ospo-lens-panel').boundingBox())!;
        await page.screenshot({ path: path.join(SHOTS, `panel-github-${scheme}.png`), clip: { x: Math.max(0, box.x - 24), y: Math.max(0, box.y - 24), width: Math.min(box.width + 48, width), height: 420 }, fullPage: true });
      }
    });

for (const file of ['github-subpage-2024-06-blob-javaee-jax-ws-spec-license.html', 'github-subpage-2025-08-blob-spike-leung-taxodium.html', 'github-subpage-2024-06-pull-choosealicense-logged-in-dark.html'])
  test(`dressed sub-page ${file}: the header badge ≤ 28 px, one line, the tabs not moved; its popover inside the window`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const { url, html } = swapOwner(capture(file), readCapture(file));
    await serveDressed(page, url, html);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const root = panel(page);
    await expect(root).toHaveAttribute('data-mode', 'badge');
    const m = await page.evaluate(() => {
      const host = document.querySelector('ospo-lens-panel') as HTMLElement;
      const tabs = document.querySelector('nav.js-repo-nav, nav[aria-label="Repository"], .UnderlineNav') as HTMLElement | null;
      const tabsWith = tabs ? tabs.getBoundingClientRect().top : 0;
      const height = host.getBoundingClientRect().height;
      host.style.display = 'none';
      const tabsWithout = tabs ? tabs.getBoundingClientRect().top : 0;
      host.style.display = '';
      return { height, tabsMoved: tabsWith - tabsWithout, tabs: !!tabs };
    });
    expect(m.height, JSON.stringify(m)).toBeLessThanOrEqual(28);
    expect(Math.abs(m.tabsMoved), JSON.stringify(m)).toBeLessThanOrEqual(0.5);
    // By keyboard: without GitHub's own scripts the dressed capture's menus lie open over the header.
    await root.getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    await expect(root.locator('.badge-body')).toBeVisible();
    const box = await root.locator('.badge-body').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    if (file.includes('2025-08')) await page.screenshot({ path: path.join(SHOTS, 'badge-github-subpage.png'), clip: { x: 0, y: 0, width: 1280, height: 420 } });
  });
