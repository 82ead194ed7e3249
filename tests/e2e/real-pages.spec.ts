/**
 * The built extension in Chromium on verbatim captures of real GitHub and GitLab pages (../shared/real-pages),
 * served at their own URL and, as a user meets public code, at a registry account's URL.
 */
import type { Page } from '@playwright/test';
import { expect, panel, recordRequests, settledPanelCount, test } from './fixtures';
import { CAPTURES, EXPECTED, NOT_RUN_REASON, REAL_PAGES_AVAILABLE, isPlaced, readCapture, swapOwner, type Capture } from '../real-pages';

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

/** Everything the extension could ask a forge: its APIs (GitHub, GitLab) and GitHub's raw files (publiccode.yml). */
const FORGE_REQUESTS = /^https:\/\/(api\.github\.com\/|raw\.githubusercontent\.com\/|[^/]+\/api\/v4\/)/;

for (const capture of CAPTURES as Capture[]) {
  const want = EXPECTED[capture.file]!;
  if (!isPlaced(want)) {
    test(`${capture.file}: a person’s page, even at a registry account’s URL, gets nothing and asks nothing`, async ({ context, page }) => {
      const asked = recordRequests(context, FORGE_REQUESTS, true);
      const { url, html } = swapOwner(capture, readCapture(capture.file));
      await serve(page, url, html);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      expect(await settledPanelCount(page)).toBe(0);
      expect(asked).toEqual([]);
    });
    continue;
  }
  const shownWhole = want.view === 'home' && want.licence !== undefined && want.rootListed === true;
  test.describe(capture.file, () => {
    test(`moved to a registry account: one public-sector ${want.mode} in ${want.within}${shownWhole ? ', licence and file list read from the page: no request to any forge' : ''}`, async ({ context, page }) => {
      const asked = recordRequests(context, FORGE_REQUESTS, true);
      for (const [api, body] of Object.entries(want.answers ?? {}))
        await context.route(api, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) }));
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
      // The recorder sees the extension's requests: where the page names no licence ("View license"), the API is asked.
      if (want.view === 'home' && want.licence === undefined) await expect.poll(() => asked.some((u) => u.startsWith('https://api.github.com/repos/'))).toBe(true);
      const status = root.getByTestId('licence-status');
      if (want.licence === null) await expect(status).toHaveAttribute('data-status', 'missing');
      else if (want.licence) await expect(root.getByTestId('licence-spdx')).toHaveText(want.licence);
      if (shownWhole) {
        await page.waitForTimeout(300);
        expect(asked).toEqual([]);
      } else if (want.licence !== undefined) {
        await page.waitForTimeout(300);
        expect(asked.filter((u) => !u.includes('raw.githubusercontent.com') && !u.includes('/-/raw/'))).toEqual([]);
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
