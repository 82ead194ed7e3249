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
import { FAKE_FORGE_HOSTS, startFakeForges, type FakeForges } from './fake-forges';
import { CAPTURES, EXPECTED, NOT_RUN_REASON, REAL_PAGES_AVAILABLE, isPlaced, readCapture, swapOwner } from '../real-pages';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT = resolve('.output/firefox-mv2');
const GECKO_ID = 'ospo-lens@ospo-lens.org';
const UUID = '6f1d7c2e-0b8a-4c57-9e4d-2a1f3b5c7d90'; // fixed, so the extension's origin is known

/** The forges' APIs, for the extension's background (started in main()). */
let forges: FakeForges;

/** Saved GitHub-like and GitLab-like pages for the tabs; the extension's own requests go to `forges`. */
async function servePages(page: Page) {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    const settled = () => undefined;
    if (url.startsWith('https://github.com/')) {
      const { status, body } = githubHtml(url);
      return void req.respond({ status, contentType: 'text/html; charset=utf-8', body }).catch(settled);
    }
    if (url.startsWith('https://gitlab.inria.fr/') && !url.includes('/api/v4/'))
      return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: gitlabHtml(url).body }).catch(settled);
    void req.continue().catch(settled);
  });
}

async function panelText(page: Page, testid: string): Promise<string> {
  const handle = await page.waitForSelector(`>>> [data-testid="${testid}"]`, { timeout: 10_000 });
  return (await handle!.evaluate((el) => el.textContent ?? '')).trim();
}

/**
 * The popup test's copy of the build: popup.html (and its chunks) reachable from a page, nothing else changed
 * (`version`: the same build claiming another version, for the update test).
 */
function popupReachableBuild(version?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ospo-lens-ff-popup-'));
  cpSync(EXT, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.web_accessible_resources = ['popup.html', 'options.html', 'chunks/*', 'assets/*'];
  if (version) manifest.version = version;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * Wait until `ready(arg)` holds in the page. Firefox 140's WebDriver BiDi drops a wait whose document is replaced
 * or re-rendered ("Waiting failed"), so this polls, and a try that fails that way is made again.
 */
async function waitInPage<A>(page: Page, ready: (arg: A) => boolean, arg: A, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await page.evaluate(ready as (a: unknown) => boolean, arg as unknown)) return;
    } catch {
      // the document is being replaced: ask the next one
    }
    if (Date.now() > end) throw new Error(`Waiting failed: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Navigate the page to one of the extension's pages and wait until it shows `selector`. */
async function openExtensionPage(page: Page, url: string, selector: string): Promise<void> {
  await page.evaluate((u) => void (location.href = u), url);
  await waitInPage(page, ([u, s]) => location.href === u && document.querySelector(s!) !== null, [url, selector], `${url} shows ${selector}`);
}

const openPopup = (page: Page, query = '') => openExtensionPage(page, `moz-extension://${UUID}/popup.html${query}`, '[data-testid="popup"]');
const openOptions = (page: Page, query = '') => openExtensionPage(page, `moz-extension://${UUID}/options.html${query}`, 'main');

const popupTests: Array<[string, (browser: Browser) => Promise<void>]> = [
  [
    'a recompile loads the compiler into the background page on demand (lib/heavy), and the answers come from its registry',
    async (browser) => {
      const ask = (message: object) => `browser.runtime.sendMessage(${JSON.stringify(message)}).then((r) => JSON.stringify(r))`;
      // The background answers a change of settings with the status of the registry it recompiled.
      const reply = JSON.parse((await inOptions(browser, ask({ type: 'settingsChanged' }))) as string) as { ok: boolean; error?: string; value?: { origin: string } };
      assert.equal(reply.error, undefined);
      assert.equal(reply.value?.origin, 'refreshed', 'compiled in the background page');
      const page = await browser.newPage();
      await servePages(page);
      await page.goto('https://github.com/IGNF/itowns');
      assert.match(await panelText(page, 'org-name'), /Institut national de l'information géographique/);
      await page.close();
    },
  ],
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
    await waitInPage(options, () => !!document.querySelector('[data-testid="enabled-forges"]')?.textContent?.includes('gitlab.inria.fr'), undefined, 'the options list gitlab.inria.fr as enabled');
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
      // Back to the first page of the history (same document: Firefox 140's goBack() would wait for a load that never comes).
      await page.evaluate(() => history.back());
      await page.waitForFunction(() => document.querySelector('ospo-lens-panel')?.shadowRoot?.querySelector('[data-testid="org-name"]')?.textContent?.includes('Institut'), { timeout: 10_000 });
      assert.equal(await page.evaluate(() => document.querySelectorAll('ospo-lens-panel').length), 1);
      await page.close();
    },
  ],
];

/**
 * Serve one real capture at `url` in its tab (its own assets are refused); `answers` (URL → JSON) are what the
 * forge's API says to the extension. Returns the requests the extension makes to the forges from now on.
 */
async function serveCapture(page: Page, url: string, html: string, answers: Record<string, unknown> = {}): Promise<() => string[]> {
  forges.answers.clear();
  for (const [api, body] of Object.entries(answers)) forges.answers.set(api, { body });
  const from = forges.seen.length;
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    // A request the page dropped meanwhile cannot be answered any more: that is not a failure of the test.
    const settled = () => undefined;
    if (req.url() === url) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }).catch(settled);
    void req.abort().catch(settled);
  });
  return () => forges.seen.slice(from);
}

// The real captures (../shared/real-pages), moved to a registry account: the panel in the page's own sidebar or header.
for (const capture of CAPTURES) {
  const want = EXPECTED[capture.file]!;
  if (!isPlaced(want)) {
    tests.push([
      `real capture ${capture.file}: a person’s page gets nothing, even at a registry account’s URL`,
      async (browser) => {
        const page = await browser.newPage();
        const { url, html } = swapOwner(capture, readCapture(capture.file));
        const asked = await serveCapture(page, url, html);
        await page.goto(url);
        await new Promise((r) => setTimeout(r, 800));
        assert.equal(await page.evaluate(() => document.querySelectorAll('ospo-lens-panel').length), 0);
        assert.deepEqual(asked(), []);
        await page.close();
      },
    ]);
    continue;
  }
  tests.push([
    `real capture ${capture.file}: one ${want.mode} inside ${want.within}`,
    async (browser) => {
      const page = await browser.newPage();
      const { url, html } = swapOwner(capture, readCapture(capture.file));
      const asked = await serveCapture(page, url, html, want.answers);
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
        await new Promise((r) => setTimeout(r, 300));
        // The licence and the file list are on the page: nothing is asked of any forge (publiccode.yml neither).
        assert.deepEqual((want.rootListed ? asked() : asked().filter((u) => !/raw\.githubusercontent\.com|\/-\/raw\//.test(u))), [], 'no request when the page shows the licence');
      }
      if (want.view === 'home' && want.licence === undefined) {
        // The recorder sees the extension's requests: where the page names no licence ("View license"), the API is asked.
        await new Promise((r) => setTimeout(r, 500));
        assert.ok(asked().some((u) => u.startsWith('https://api.github.com/repos/')), `the licence API was asked: ${asked().join(', ')}`);
      }
      await page.close();
    },
  ]);
}

/**
 * What an extension page of the installed build answers to `script` (a fresh tab each time: an update closes the
 * extension's own tabs).
 */
async function inOptions(browser: Browser, script: string): Promise<unknown> {
  const page = await browser.newPage();
  await servePages(page);
  await page.goto('https://github.com/torvalds/linux');
  await openOptions(page);
  // Enabled: the settings are read (before, the choice is disabled and shows no setting of the user's).
  await waitInPage(page, () => !!document.querySelector('main select:enabled'), undefined, 'the options show their settings');
  const out = await page.evaluate(script);
  await page.close().catch(() => undefined);
  return out;
}

/**
 * The one-time move of 0.1's settings out of storage.local (SECURITY.md), in Firefox ESR, where content scripts can
 * write storage.local: an update from 0.1.0 moves them once; what is written there later (as a page could) is never
 * adopted, at any later update. Runs in its own browser: it installs the extension itself, three times.
 */
async function updateTest(browser: Browser): Promise<void> {
  const [v01, v02] = [popupReachableBuild('0.1.0'), popupReachableBuild('0.2.0')];
  try {
    assert.equal(await browser.installExtension(v01), GECKO_ID);
    // As 0.1 left it: nothing in IndexedDB (0.1 never wrote there), its settings in storage.local.
    await inOptions(browser, `(async () => { await new Promise((r) => { const q = indexedDB.deleteDatabase('ospo-lens'); q.onsuccess = q.onerror = q.onblocked = r; }); await browser.storage.local.set({ settings: { refreshHours: 6 } }); })()`);
    assert.equal(await browser.installExtension(v02), GECKO_ID); // runtime.onInstalled: update, previousVersion 0.1.0
    await new Promise((r) => setTimeout(r, 1500));
    const moved = (await inOptions(browser, `(async () => JSON.stringify({ local: await browser.storage.local.get(), interval: document.querySelector('select').value }))()`)) as string;
    assert.deepEqual(JSON.parse(moved), { local: {}, interval: '6' }, 'moved once, and removed from storage.local');
    // Written later, as a content script can in Firefox; then the extension updates again.
    await inOptions(browser, `browser.storage.local.set({ settings: { refreshHours: 168, customRegistries: ['https://evil.example/r.json'] } })`);
    assert.equal(await browser.installExtension(v02), GECKO_ID);
    await new Promise((r) => setTimeout(r, 1500));
    const after = (await inOptions(browser, `(async () => JSON.stringify({ interval: document.querySelector('select').value, custom: document.querySelectorAll('[data-source^="custom:"]').length }))()`)) as string;
    assert.deepEqual(JSON.parse(after), { interval: '6', custom: 0 }, 'never adopted');
  } finally {
    rmSync(v01, { recursive: true, force: true });
    rmSync(v02, { recursive: true, force: true });
  }
}

async function main() {
  if (!REAL_PAGES_AVAILABLE) console.log(`  - firefox › real captures: ${NOT_RUN_REASON}`);
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
  if (!existsSync(resolve(EXT, 'manifest.json'))) throw new Error(`No Firefox build at ${EXT}: npm run build:firefox`);
  let passed = 0;
  let failed = 0;
  forges = await startFakeForges();
  const popupBuild = popupReachableBuild();
  for (const [extension, suite] of [
    [EXT, tests],
    [popupBuild, popupTests],
  ] as const) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // The fake forges' self-signed certificate (tests/firefox/fake-forges.ts), for this session only.
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'network.dns.localDomains': FAKE_FORGE_HOSTS.join(','),
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        // Optional host permissions are granted on request, without the prompt a test cannot answer.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    try {
      assert.equal(await browser.installExtension(extension), GECKO_ID);
      // FIREFOX_GREP=<regex> runs only the tests whose name matches (for a maintainer; CI runs them all).
      const grep = process.env.FIREFOX_GREP ? new RegExp(process.env.FIREFOX_GREP) : undefined;
      for (const [name, run] of suite) {
        if (grep && !grep.test(name)) continue;
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
  const grep = process.env.FIREFOX_GREP ? new RegExp(process.env.FIREFOX_GREP) : undefined;
  const updateName = 'an update from 0.1 moves its settings out of storage.local once; a later write there is never adopted';
  if (!grep || grep.test(updateName)) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
    });
    try {
      await updateTest(browser);
      passed++;
      console.log(`  ✓ firefox › ${updateName}`);
    } catch (error) {
      failed++;
      console.log(`  ✘ firefox › ${updateName}\n    ${(error as Error).message.split('\n').join('\n    ')}`);
    } finally {
      await browser.close();
    }
  }
  await forges.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
