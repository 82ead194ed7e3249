/**
 * The built extension in Chromium on verbatim captures of real GitHub and GitLab pages (../shared/real-pages),
 * served at their own URL and, as a user meets public code, at a registry account's URL.
 */
import type { Page } from '@playwright/test';
import { expect, panel, recordRequests, settledPanelCount, test } from './fixtures';
import { CAPTURES, EXPECTED, NOT_RUN_REASON, REAL_PAGES_AVAILABLE, readCapture, swapOwner, type Capture } from '../real-pages';

test.skip(!REAL_PAGES_AVAILABLE, NOT_RUN_REASON);

/** Serve `html` at `url` in this page; the capture's own assets (styles, scripts, avatars) are not served. */
async function serve(page: Page, url: string, html: string): Promise<void> {
  await page.route(/^https:\/\/(github\.githubassets\.com|avatars\.githubusercontent\.com|collector\.github\.com|user-images\.githubusercontent\.com|gitlab\.com\/assets|gitlab\.com\/uploads|snowplow)/, (route) => route.abort());
  await page.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** Where the panel's host element sits, and how it is positioned. */
function hostFacts(page: Page, within: string) {
  return page.evaluate((selector) => {
    const host = document.querySelector('ospo-lens-panel');
    if (!host) return null;
    return { inside: !!host.parentElement?.closest(selector), position: getComputedStyle(host).position };
  }, within);
}

const API = /^https:\/\/(api\.github\.com\/|[^/]+\/api\/v4\/projects\/)/;

for (const capture of CAPTURES as Capture[]) {
  const want = EXPECTED[capture.file]!;
  test.describe(capture.file, () => {
    test(`moved to a registry account: one public-sector ${want.mode} in ${want.within}${want.licence !== undefined ? ', licence read from the page, no API request' : ''}`, async ({ context, page }) => {
      const apiCalls = recordRequests(context, API);
      const { url, html } = swapOwner(capture, readCapture(capture.file));
      await serve(page, url, html);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const root = panel(page);
      await expect(root).toHaveAttribute('data-status', 'public-sector');
      await expect(root).toHaveAttribute('data-mode', want.mode);
      expect(await settledPanelCount(page)).toBe(1);
      expect(await hostFacts(page, want.within)).toEqual({ inside: true, position: want.mode === 'badge' ? 'relative' : 'static' });
      if (want.mode === 'badge') {
        await root.getByRole('button').first().click();
        await expect(root.getByTestId('org-name')).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(root.getByTestId('org-name')).toHaveCount(0);
        return;
      }
      await expect(root.getByTestId('org-name')).toBeVisible();
      const status = root.getByTestId('licence-status');
      if (want.licence === null) await expect(status).toHaveAttribute('data-status', 'missing');
      else if (want.licence) await expect(root.getByTestId('licence-spdx')).toHaveText(want.licence);
      if (want.licence !== undefined) {
        await page.waitForTimeout(300);
        expect(apiCalls).toEqual([]);
      }
    });

    test('at its own, unchanged owner (not a public body): no panel', async ({ page }) => {
      const html = readCapture(capture.file);
      await serve(page, capture.url, html);
      await page.goto(capture.url, { waitUntil: 'domcontentloaded' });
      expect(await settledPanelCount(page)).toBe(0);
    });
  });
}
