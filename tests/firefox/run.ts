/**
 * End-to-end in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive
 * a stock Firefox). Loads the Firefox build, serves saved GitHub-like pages by request interception, and
 * checks the panel and the popup. WebDriver BiDi refuses to navigate to moz-extension:// pages, and nothing
 * opens a popup without a user gesture; so the popup test loads a copy of the build whose only change is
 * popup.html listed in web_accessible_resources, and a page navigates itself there (the popup's code is the
 * shipped one). Prints "N passed, N failed"; exits non-zero on a failure.
 * Run: npm run test:firefox (builds first). FIREFOX_PATH overrides /usr/bin/firefox-esr.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { githubHtml, gitlabHtml, inlineScriptRuns, STRICT_CSP } from '../e2e/fixtures';
import { CAPTURES, EXPECTED, NOT_RUN_REASON, REAL_PAGES_AVAILABLE, readCapture, swapOwner } from '../real-pages';

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
    if (url.startsWith('https://gitlab.inria.fr/')) {
      if (url.includes('/api/v4/')) return void req.respond({ status: 200, contentType: 'application/json', body: '{"license":null}' });
      return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: gitlabHtml(url).body });
    }
    void req.continue();
  });
}

async function panelText(page: Page, testid: string): Promise<string> {
  const handle = await page.waitForSelector(`>>> [data-testid="${testid}"]`, { timeout: 10_000 });
  return (await handle!.evaluate((el) => el.textContent ?? '')).trim();
}

/** The popup test's copy of the build: popup.html (and its chunks) reachable from a page, nothing else changed. */
function popupReachableBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ospo-lens-ff-popup-'));
  cpSync(EXT, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.web_accessible_resources = ['popup.html', 'options.html', 'chunks/*', 'assets/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

async function openPopup(page: Page, query = ''): Promise<void> {
  await page.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/popup.html${query}`);
  await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.querySelector('[data-testid="popup"]') !== null, { timeout: 10_000 });
}

async function openOptions(page: Page, query = ''): Promise<void> {
  await page.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/options.html${query}`);
  await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.querySelector('main') !== null, { timeout: 10_000 });
}

const popupTests: Array<[string, (browser: Browser) => Promise<void>]> = [
  [
    'the popup answers for a public-sector repository tab',
    async (browser) => {
      const page = await browser.newPage();
      await servePages(page);
      await page.goto('https://github.com/InseeFrLab/onyxia');
      await panelText(page, 'org-name');
      const popup = await browser.newPage();
      await servePages(popup);
      await popup.goto('https://github.com/torvalds/linux');
      await openPopup(popup);
      const tabId = await popup.evaluate(async () => {
        const b = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).browser;
        return (await b.tabs.query({ url: 'https://github.com/InseeFrLab/onyxia' }))[0]?.id;
      });
      assert.ok(tabId, 'the GitHub tab is found');
      await openPopup(popup, `?tab=${tabId}`);
      await popup.waitForSelector('[data-testid="popup"][data-status="public-sector"]', { timeout: 10_000 });
      assert.match(await popup.$eval('[data-testid="org-name"]', (el) => el.textContent ?? ''), /Insee/);
      assert.equal(await popup.$eval('[data-testid="ospo-name"]', (el) => el.getAttribute('data-ospo-scope')), 'nearest');
      await popup.close();
      await page.close();
    },
  ],
];

popupTests.push([
  'a self-hosted forge enabled from the options shows its panel in the tab already open (run-time content script)',
  async (browser) => {
    const page = await browser.newPage();
    await servePages(page);
    await page.goto('https://gitlab.inria.fr/solverstack/chameleon');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(await page.evaluate(() => document.querySelectorAll('ospo-lens-panel').length), 0, 'nothing before the grant');
    const options = await browser.newPage();
    await servePages(options);
    await options.goto('https://github.com/torvalds/linux');
    await openOptions(options, '?enable=gitlab.inria.fr');
    const button = await options.waitForSelector('[data-testid="enable-forge"]', { timeout: 10_000 });
    await button!.click(); // a real click: permissions.request needs user input (prompts are off in this profile)
    await options.waitForFunction(() => document.querySelector('[data-testid="enabled-forges"]')?.textContent?.includes('gitlab.inria.fr'), { timeout: 10_000 });
    await page.bringToFront();
    const org = await page.waitForSelector('>>> [data-testid="org-name"]', { timeout: 10_000 });
    assert.match((await org!.evaluate((el) => el.textContent ?? '')) as string, /inria/i);
    await page.goto('https://gitlab.inria.fr/solverstack/chameleon/-/issues');
    await page.waitForSelector('>>> [data-testid="ospo-panel"]', { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.querySelectorAll('ospo-lens-panel').length), 1);
    await options.close();
    await page.close();
  },
]);

popupTests.push([
  'the toolbar button says when the tab is a public-sector repository (badge and title, per tab)',
  async (browser) => {
    const page = await browser.newPage();
    await servePages(page);
    await page.goto('https://github.com/InseeFrLab/onyxia');
    await panelText(page, 'org-name');
    const other = await browser.newPage();
    await servePages(other);
    await other.goto('https://github.com/torvalds/linux');
    await new Promise((r) => setTimeout(r, 800));
    const popup = await browser.newPage();
    await servePages(popup);
    await popup.goto('https://github.com/settings/profile');
    await openPopup(popup);
    const signal = await popup.evaluate(async () => {
      type Action = { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
      const b = (globalThis as unknown as { browser: { browserAction: Action; tabs: { query(q: object): Promise<Array<{ id: number; url: string }>> } } }).browser;
      const tabs = await b.tabs.query({});
      const out: Record<string, { badge: string; title: string }> = {};
      for (const url of ['https://github.com/InseeFrLab/onyxia', 'https://github.com/torvalds/linux']) {
        const tabId = tabs.find((t) => t.url === url)!.id;
        out[url.includes('onyxia') ? 'onyxia' : 'linux'] = { badge: await b.browserAction.getBadgeText({ tabId }), title: await b.browserAction.getTitle({ tabId }) };
      }
      return out as { onyxia: { badge: string; title: string }; linux: { badge: string; title: string } };
    });
    assert.equal(signal.onyxia.badge, '✓');
    assert.match(signal.onyxia.title, /Public sector: .*Insee/i);
    assert.equal(signal.linux.badge, '');
    await popup.close();
    await other.close();
    await page.close();
  },
]);

popupTests.push([
  'the manifest sets a strict Content Security Policy, and an extension page runs no inline script',
  async (browser) => {
    const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
    assert.equal(manifest.content_security_policy, STRICT_CSP);
    const page = await browser.newPage();
    await servePages(page);
    await page.goto('https://github.com/torvalds/linux');
    await openOptions(page);
    const ran = await page.evaluate(inlineScriptRuns);
    assert.equal(ran, false);
    await page.close();
  },
]);

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

/** Serve one real capture at `url`; its assets are refused; requests to forge APIs are recorded. */
async function serveCapture(page: Page, url: string, html: string): Promise<string[]> {
  const api: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u === url) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (/^https:\/\/(api\.github\.com\/|[^/]+\/api\/v4\/projects\/)/.test(u)) api.push(u);
    void req.abort();
  });
  return api;
}

// The real captures (../shared/real-pages), moved to a registry account: the panel in the page's own sidebar or header.
for (const capture of CAPTURES) {
  const want = EXPECTED[capture.file]!;
  tests.push([
    `real capture ${capture.file}: one ${want.mode} inside ${want.within}`,
    async (browser) => {
      const page = await browser.newPage();
      const { url, html } = swapOwner(capture, readCapture(capture.file));
      const api = await serveCapture(page, url, html);
      await page.goto(url);
      const root = await page.waitForSelector('>>> [data-testid="ospo-panel"]', { timeout: 10_000 });
      assert.equal(await root!.evaluate((el) => el.getAttribute('data-mode')), want.mode);
      const where = await page.evaluate((selector) => {
        const host = document.querySelector('ospo-lens-panel');
        return { count: document.querySelectorAll('ospo-lens-panel').length, inside: !!host?.parentElement?.closest(selector) };
      }, want.within);
      assert.deepEqual(where, { count: 1, inside: true });
      if (want.mode === 'panel' && want.licence !== undefined) {
        const status = await page.waitForSelector('>>> [data-testid="licence-status"]:not([data-status="unknown"])', { timeout: 10_000 });
        if (want.licence === null) assert.equal(await status!.evaluate((el) => el.getAttribute('data-status')), 'missing');
        else assert.equal(await panelText(page, 'licence-spdx'), want.licence);
        assert.deepEqual(api, [], 'no API request when the page shows the licence');
      }
      await page.close();
    },
  ]);
}

async function main() {
  if (!REAL_PAGES_AVAILABLE) console.log(`  - firefox › real captures: ${NOT_RUN_REASON}`);
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  if (!existsSync(resolve(EXT, 'manifest.json'))) throw new Error(`No Firefox build at ${EXT}: npm run build:firefox`);
  let passed = 0;
  let failed = 0;
  const popupBuild = popupReachableBuild();
  for (const [extension, suite] of [
    [EXT, tests],
    [popupBuild, popupTests],
  ] as const) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        // Optional host permissions are granted on request, without the prompt a test cannot answer.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    try {
      assert.equal(await browser.installExtension(extension), GECKO_ID);
      for (const [name, run] of suite) {
        // As in the Playwright config: one retry under CI, so a slow machine does not fail a submission alone.
        const tries = process.env.CI ? 2 : 1;
        for (let attempt = 1; attempt <= tries; attempt++) {
          try {
            await run(browser);
            passed++;
            console.log(`  ✓ firefox › ${name}${attempt > 1 ? ' (passed on retry)' : ''}`);
            break;
          } catch (error) {
            if (attempt < tries) continue;
            failed++;
            console.log(`  ✘ firefox › ${name}\n    ${(error as Error).message.split('\n').join('\n    ')}`);
          }
        }
      }
    } finally {
      await browser.close();
    }
  }
  rmSync(popupBuild, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
