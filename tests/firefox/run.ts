/**
 * End-to-end in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive
 * a stock Firefox). Loads the Firefox build, serves saved GitHub-like pages by request interception, and
 * checks the panel. (The popup is not driven here: WebDriver BiDi refuses to navigate to moz-extension://
 * pages, and nothing else can open it without a user gesture.) Prints "N passed, N failed"; exits non-zero on
 * a failure.
 * Run: npm run test:firefox (builds first). FIREFOX_PATH overrides /usr/bin/firefox-esr.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { githubHtml } from '../e2e/fixtures';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT = resolve('.output/firefox-mv2');
const GECKO_ID = 'ospo-lens@ospo-lens.org';
const UUID = '6f1d7c2e-0b8a-4c57-9e4d-2a1f3b5c7d90'; // fixed, so the extension's origin is known

async function servePages(page: Page) {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('https://github.com/')) {
      const { status, body } = githubHtml(url);
      return void req.respond({ status, contentType: 'text/html; charset=utf-8', body });
    }
    if (url.startsWith('https://api.github.com/') || url.startsWith('https://raw.githubusercontent.com/'))
      return void req.respond({ status: 404, contentType: 'application/json', body: '{"message":"Not Found"}' });
    void req.continue();
  });
}

async function panelText(page: Page, testid: string): Promise<string> {
  const handle = await page.waitForSelector(`>>> [data-testid="${testid}"]`, { timeout: 10_000 });
  return (await handle!.evaluate((el) => el.textContent ?? '')).trim();
}

const tests: Array<[string, (browser: Browser) => Promise<void>]> = [
  [
    'panel on a public-sector GitHub repository, with the OSPO e-mail',
    async (browser) => {
      const page = await browser.newPage();
      await servePages(page);
      await page.goto('https://github.com/IGNF/itowns');
      assert.match(await panelText(page, 'org-name'), /Institut national de l'information géographique/);
      const email = await page.waitForSelector('>>> [data-testid="ospo-email"]');
      assert.equal(await email!.evaluate((a) => a.getAttribute('href')), 'mailto:opensource@ign.fr');
      assert.equal(await page.evaluate(() => document.querySelectorAll('ospo-lens-panel').length), 1);
      await page.close();
    },
  ],
  [
    'no panel on a repository outside the registry',
    async (browser) => {
      const page = await browser.newPage();
      await servePages(page);
      await page.goto('https://github.com/torvalds/linux');
      await new Promise((r) => setTimeout(r, 800));
      assert.equal(await page.evaluate(() => document.querySelectorAll('ospo-lens-panel').length), 0);
      await page.close();
    },
  ],
  [
    'the panel follows in-page navigation (Turbo events and back/forward)',
    async (browser) => {
      const page = await browser.newPage();
      await servePages(page);
      await page.goto('https://github.com/IGNF/itowns');
      await panelText(page, 'org-name');
      await page.evaluate(() => (window as unknown as { __navigate(p: string): void }).__navigate('/InseeFrLab/onyxia'));
      await page.waitForFunction(() => document.querySelector('ospo-lens-panel')?.shadowRoot?.querySelector('[data-testid="org-name"]')?.textContent?.includes('Insee'), { timeout: 10_000 });
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('ospo-lens-panel')?.shadowRoot?.querySelector('[data-testid="org-name"]')?.textContent?.includes('Institut'), { timeout: 10_000 });
      assert.equal(await page.evaluate(() => document.querySelectorAll('ospo-lens-panel').length), 1);
      await page.close();
    },
  ],
];

async function main() {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  if (!existsSync(resolve(EXT, 'manifest.json'))) throw new Error(`No Firefox build at ${EXT}: npm run build:firefox`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  let passed = 0;
  let failed = 0;
  try {
    const id = await browser.installExtension(EXT);
    assert.equal(id, GECKO_ID);
    for (const [name, run] of tests) {
      try {
        await run(browser);
        passed++;
        console.log(`  ✓ firefox › ${name}`);
      } catch (error) {
        failed++;
        console.log(`  ✘ firefox › ${name}\n    ${(error as Error).message.split('\n').join('\n    ')}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
