/**
 * Issue #19, the organisation audit in the browser: audit.html on the same recorded answers as `audit:org --har`
 * (Playwright's routeFromHAR), the same rows and counts; a second opening the same day asks nothing; exports; the
 * organisation panel's link; the popup's "audit all accounts"; no axe violation, light and dark, English and French.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { askBackground, axeViolations, expect, panel, recordRequests, tabIdOf, test } from './fixtures';

/** Screenshots for the README: written to assets/screenshots when UPDATE_SCREENSHOTS=1, else to test-results. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.resolve('assets/screenshots') : path.resolve('test-results/screenshots');
const HAR = (name: string) => `tests/fixtures/har/audit-${name}.har`;
const API = /^https:\/\/api\.github\.com\/(orgs|users|repos)\//;

/** What the CLI says on the same recording: the rows and counts the page must show. */
function cli(account: string, har: string): { counts: Record<string, number>; rows: Array<{ repository: string; status: string }> } {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/audit-org.ts', account, '--json', '--har', har], { encoding: 'utf8' }));
}

async function openAudit(context: BrowserContext, extensionId: string, query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/audit.html?${query}`);
  return page;
}

test('audit.html on recorded answers: the same rows, verdicts and counts as audit:org; the same day again, no request', async ({ context, extensionId }) => {
  await context.routeFromHAR(HAR('edge'), { url: API, notFound: 'abort' });
  const asked = recordRequests(context, API);
  const want = cli('https://github.com/etalab', HAR('edge'));
  const page = await openAudit(context, extensionId, `account=${encodeURIComponent('https://github.com/etalab')}`);
  await expect(page.getByTestId('audit-progress')).toContainText('Every repository read');
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(want.rows.length);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ repository: tr.getAttribute('data-repository'), status: tr.getAttribute('data-status') })));
  expect(shown).toEqual(want.rows.map((r) => ({ repository: r.repository, status: r.status })));
  const counts = page.getByTestId('audit-counts');
  for (const [attr, key] of [['data-repositories', 'repositories'], ['data-allowed', 'allowed'], ['data-missing', 'missing'], ['data-not-in-policy', 'not-in-policy'], ['data-unknown', 'unknown'], ['data-publiccode', 'publiccode']] as const)
    await expect(counts).toHaveAttribute(attr, String(want.counts[key]));
  await expect(counts).toContainText('7 repositories');
  expect(asked).toHaveLength(9);

  // Reopened the same day: every answer from the extension's cache.
  const before = asked.length;
  const again = await openAudit(context, extensionId, `account=${encodeURIComponent('https://github.com/etalab')}`);
  await expect(again.getByTestId('audit-progress')).toContainText('0 requests to the forge, 9 answers kept');
  await expect(again.getByTestId('audit-row')).toHaveCount(7);
  expect(asked.length).toBe(before);
});

test('filters and sort by keyboard; exports named <host>-<owner>-<date>, CSV and JSON with the same rows', async ({ context, extensionId }) => {
  await context.routeFromHAR(HAR('edge'), { url: API, notFound: 'abort' });
  const page = await openAudit(context, extensionId, `account=${encodeURIComponent('https://github.com/etalab')}`);
  await expect(page.getByTestId('audit-progress')).toContainText('Every repository read');
  await page.getByTestId('audit-filter-status').selectOption('missing');
  await expect(page.getByTestId('audit-row')).toHaveCount(2);
  await page.getByLabel('hide archived').check();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await page.getByTestId('audit-filter-status').selectOption('');
  await page.getByLabel('hide archived').uncheck();
  // Sort by name with the keyboard: focus the column's button, Enter.
  await page.getByRole('button', { name: 'Repository' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  const names = await page.getByTestId('audit-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-repository')));
  expect(names).toEqual([...names].sort());

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  // A browser cannot read the recording's Date header (not exposed to pages by CORS): the data is of the day asked.
  const today = new Date().toISOString().slice(0, 10);
  expect(csv.suggestedFilename()).toBe(`github.com-etalab-${today}.csv`);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toMatch(/^repository,archived,fork,pushed_at,spdx,licence_from,status,publiccode/);
  expect(text.trim().split('\r\n')).toHaveLength(8);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(json.suggestedFilename()).toBe(`github.com-etalab-${today}.json`);
  expect(JSON.parse(fs.readFileSync((await json.path())!, 'utf8')).rows).toHaveLength(7);
});

test('an exhausted allowance: rows wait, said so, with the time the rest resumes', async ({ context, extensionId }) => {
  await context.routeFromHAR(HAR('rate-limit'), { url: API, notFound: 'abort' });
  const page = await openAudit(context, extensionId, `account=${encodeURIComponent('https://github.com/betagouv')}`);
  await expect(page.getByTestId('audit-progress')).toContainText('the rest is checked at');
  await expect(page.getByTestId('audit-row')).toHaveCount(5);
  await expect(page.getByText(/not checked yet — resumes at/)).toHaveCount(2);
});

test('the organisation panel offers the audit; a trusted click opens it for the page’s own account', async ({ context }) => {
  await context.routeFromHAR(HAR('edge'), { url: API, notFound: 'abort' });
  const page = await context.newPage();
  await page.goto('https://github.com/etalab');
  const link = panel(page).getByTestId('audit-link');
  await expect(link).toBeVisible();
  // A page script's click is not the user's: nothing opens.
  await link.evaluate((el) => (el as HTMLElement).click());
  await page.waitForTimeout(300);
  expect(context.pages().some((p) => p.url().includes('/audit.html'))).toBe(false);
  const [audit] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await audit.waitForLoadState();
  expect(decodeURIComponent(audit.url())).toContain('/audit.html?account=https://github.com/etalab');
  await expect(audit.getByTestId('audit-row')).toHaveCount(7);
});

test('the popup’s search: "Audit all accounts of this body" audits them as one', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/etalab/x');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(sw, 'https://github.com/etalab/x')}`);
  await popup.getByTestId('search').fill('Etalab');
  const link = popup.getByTestId('search-results').getByTestId('audit-body').first();
  await expect(link).toHaveText('Audit all accounts of this body');
  const href = (await link.getAttribute('href'))!;
  // Every account of the body, GitHub first: the plan the page audits.
  const params = Object.fromEntries(new URLSearchParams(href.split('?')[1]));
  const plan = await askBackground<{ targets: Array<{ url: string }> }>(context, extensionId, { type: 'auditPlan', ...params });
  const urls = plan.targets.map((t) => t.url);
  expect(urls).toEqual(expect.arrayContaining(['https://github.com/etalab', 'https://framagit.org/etalab']));
  const firstElsewhere = urls.findIndex((u) => !u.startsWith('https://github.com/'));
  expect(urls.slice(firstElsewhere).every((u) => !u.startsWith('https://github.com/'))).toBe(true);
  expect(plan.targets.length).toBeGreaterThan(1);
});

for (const scheme of ['light', 'dark'] as const)
  test(`audit page (${scheme}): no axe violation at all`, async ({ context, extensionId }) => {
    await context.routeFromHAR(HAR('edge'), { url: API, notFound: 'abort' });
    const page = await openAudit(context, extensionId, `account=${encodeURIComponent('https://github.com/etalab')}`);
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.getByTestId('audit-progress')).toContainText('Every repository read');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `audit-${scheme}.png`), fullPage: true });
  });

test.describe('in French', () => {
  test.use({ lang: 'fr' });
  test('the audit page in French, no axe violation', async ({ context, extensionId }) => {
    await context.routeFromHAR(HAR('edge'), { url: API, notFound: 'abort' });
    const page = await openAudit(context, extensionId, `account=${encodeURIComponent('https://github.com/etalab')}`);
    await expect(page.getByTestId('audit-progress')).toContainText('Tous les dépôts sont lus');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect(page.getByTestId('audit-counts')).toContainText('7 dépôts');
    expect(await axeViolations(page)).toEqual([]);
  });
});
