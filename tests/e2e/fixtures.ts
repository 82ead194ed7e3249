import { test as base, chromium, expect, type BrowserContext, type CDPSession, type Locator, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXT_PATH = path.resolve(process.env.EXT_PATH ?? '.output/chrome-mv3');
const PAGES = path.resolve('tests/fixtures/pages');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PageOptions {
  public?: boolean;
  colorMode?: 'light' | 'dark';
  /** What the sidebar's licence link says; null: no licence link at all. */
  licence?: string | null;
}

/** Sidebar licence link text per repository (as GitHub shows it); absent: "MIT license". */
export const SIDEBAR_LICENCE: Record<string, string | null> = {
  'BRGM/hubeau': null, // no licence file: the API answers 404
  'etalab/DVF-app': 'GNU General Public License v2.0',
  'IGNF/geoportal-extensions': 'View license', // GitHub's "Other": the licence file says CeCILL-B
};

/** What the GitHub licence API answers per repository (only asked when the page does not name the licence). */
export const LICENCE_API: Record<string, { status: number; body?: unknown }> = {
  'BRGM/hubeau': { status: 404, body: { message: 'Not Found' } },
  'IGNF/geoportal-extensions': {
    status: 200,
    body: {
      name: 'LICENSE.md',
      license: { key: 'other', name: 'Other', spdx_id: 'NOASSERTION' },
      encoding: 'base64',
      content: Buffer.from('CeCILL-B FREE SOFTWARE LICENSE AGREEMENT\n\nNotice\n\nThis Agreement is a Free Software license agreement...').toString('base64'),
    },
  },
};

/** What GitHub's users API answers as the display name of these accounts; every other one answers 404. */
export const ACCOUNT_NAMES: Record<string, string> = {
  digitalservicebund: 'DigitalService GmbH des Bundes',
};

/** A publiccode.yml served for these repositories; every other one answers 404. */
export const PUBLICCODE: Record<string, string> = {
  'InseeFrLab/onyxia': [
    'publiccodeYmlVersion: "0.4"',
    'name: Onyxia',
    'url: https://github.com/InseeFrLab/onyxia',
    'legal:',
    '  license: AGPL-3.0-or-later',
    'maintenance:',
    '  type: internal',
    '  contacts:',
    '    - name: Équipe Onyxia',
    '      email: onyxia@insee.fr',
  ].join('\n'),
};

const fill = (file: string, values: Record<string, string>) =>
  fs.readFileSync(path.join(PAGES, file), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/** A saved GitHub-like page for a URL, with its markers filled in. */
export function githubHtml(url: string, options: PageOptions = {}): { status: number; body: string } {
  const segs = new URL(url).pathname.split('/').filter(Boolean);
  const [owner = '', repo] = segs[0] === 'orgs' ? [segs[1]] : segs;
  if (owner === 'missing' || repo === 'missing') return { status: 404, body: fill('github-404.html', {}) };
  const values = {
    OWNER: owner,
    REPO: repo ?? '',
    PUBLIC: String(options.public ?? true),
    COLOR_MODE: options.colorMode ?? 'light',
    LICENCE_LINK: licenceLink(`${owner}/${repo}`, options),
  };
  return { status: 200, body: fill(repo ? 'github-repo.html' : 'github-org.html', values) };
}

function licenceLink(nwo: string, options: PageOptions): string {
  const text = options.licence !== undefined ? options.licence : nwo in SIDEBAR_LICENCE ? SIDEBAR_LICENCE[nwo] : 'MIT license';
  if (text === null || text === undefined) return '';
  return `<a href="#license-ov-file" class="Link--muted"><svg class="octicon octicon-law" aria-hidden="true" width="16" height="16"></svg> ${text}</a>`;
}

/** Paths that are subgroups, not projects, on the fake GitLab hosts (the URL alone cannot tell). */
const GITLAB_SUBGROUPS = new Set(['healthdatahub/formation']);

/** A saved GitLab-like page: group pages for `/groups/…`, one-segment paths and known subgroups; projects otherwise. */
export function gitlabHtml(url: string, options: PageOptions = {}): { status: number; body: string } {
  const u = new URL(url);
  let segs = u.pathname.split('/').filter(Boolean);
  const isGroupUrl = segs[0] === 'groups';
  if (isGroupUrl) segs = segs.slice(1);
  const dash = segs.indexOf('-');
  if (dash !== -1) segs = segs.slice(0, dash);
  const fullPath = segs.join('/');
  const theme = options.colorMode === 'dark' ? 'gl-dark' : 'gl-light';
  if (isGroupUrl || segs.length === 1 || GITLAB_SUBGROUPS.has(fullPath))
    return { status: 200, body: fill('gitlab-group.html', { HOST: u.host, PATH: fullPath, GROUP: segs.at(-1) ?? '', THEME: theme }) };
  const values = { HOST: u.host, PATH: fullPath, GROUP: segs.slice(0, -1).join(' / '), GROUP_PATH: segs.slice(0, -1).join('/'), PROJECT: segs.at(-1) ?? '', THEME: theme, LICENCE: options.licence ?? '' };
  return { status: 200, body: fill('gitlab-project.html', values) };
}

/** Hosts served as GitLab in the tests; `not-a-forge.example.org` is an ordinary site. */
export const GITLAB_HOSTS = ['gitlab.com', 'gitlab.inria.fr', 'gitlab.mim-libre.fr', 'gitlab.opencode.de'];

/** Upstream registry files, served from the bundled copies unless a test overrides one. */
export const UPSTREAM: Record<string, string> = {
  'https://code.gouv.fr/data/comptes-organismes-publics.yml': 'fr-codegouvfr/comptes-organismes-publics.yml',
  'https://code.gouv.fr/data/fr-public-sector-ospo.yml': 'fr-codegouvfr/fr-public-sector-ospo.yml',
  'https://code.gouv.fr/data/top_organizations.yml': 'fr-codegouvfr/top_organizations.yml',
  'https://code.gouv.fr/sill/api/sill.json': 'fr-sill/sill.json',
  'https://raw.githubusercontent.com/developer-overheid-nl/don-oss-register/main/publishers.json': 'nl-developer-overheid/publishers.json',
};
export const SOURCES_DIR = path.resolve('assets/public/registry-sources');

async function serveFakeForges(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/code\.gouv\.fr\//, (route) => {
    const file = UPSTREAM[route.request().url()];
    if (!file) return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
    const body = fs.readFileSync(path.join(SOURCES_DIR, file), 'utf8');
    return route.fulfill({ status: 200, contentType: file.endsWith('.json') ? 'application/json' : 'application/yaml', body, headers: { etag: '"bundled"' } });
  });
  // Every request to these hosts gets a saved page; nothing leaves the machine.
  await context.route(/^https:\/\/github\.com\//, (route) => {
    const url = new URL(route.request().url());
    const { status, body } = githubHtml(url.href, { colorMode: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light' });
    return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
  });
  for (const host of GITLAB_HOSTS)
    await context.route(`https://${host}/**`, (route) => {
      const url = new URL(route.request().url());
      const { status, body } = gitlabHtml(url.href, { colorMode: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light' });
      return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
    });
  await context.route(/^https:\/\/api\.github\.com\/repos\/([^/]+\/[^/]+)\/license$/, (route) => {
    const nwo = /repos\/([^/]+\/[^/]+)\/license/.exec(route.request().url())![1]!;
    const answer = LICENCE_API[nwo] ?? { status: 200, body: { license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT' } } };
    return route.fulfill({ status: answer.status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(answer.body ?? {}) });
  });
  // GitHub's users API: the display name an account gives itself (asked only for public bodies no list names).
  await context.route(/^https:\/\/api\.github\.com\/users\/([^/?]+)$/, (route) => {
    const login = /users\/([^/?]+)$/.exec(route.request().url())![1]!;
    const name = ACCOUNT_NAMES[login.toLowerCase()];
    return name
      ? route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ login, type: 'Organization', name }) })
      : route.fulfill({ status: 404, contentType: 'application/json; charset=utf-8', body: '{"message":"Not Found"}' });
  });
  await context.route(/^https:\/\/raw\.githubusercontent\.com\//, (route) => {
    const upstream = UPSTREAM[route.request().url()];
    if (upstream) return route.fulfill({ status: 200, contentType: 'application/json', body: fs.readFileSync(path.join(SOURCES_DIR, upstream), 'utf8') });
    const nwo = new URL(route.request().url()).pathname.split('/').slice(1, 3).join('/');
    const body = PUBLICCODE[nwo];
    return body
      ? route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body })
      : route.fulfill({ status: 404, contentType: 'text/plain', body: '404: Not Found' });
  });
  await context.route(/^https:\/\/[^/]+\/api\/v4\/projects\//, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.replace('/api/v4/projects/', ''));
    const license = path.endsWith('schema-snds') ? { key: 'mit', name: 'MIT License' } : null;
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ path_with_namespace: path, license }) });
  });
  await context.route('https://not-a-forge.example.org/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: fill('not-a-forge.html', {}) }),
  );
}

/**
 * Chromium cannot accept an extension's permission prompt under automation (no dialog API; Playwright #32755).
 * The `grantable` variant is the same build with `https://*\/*` moved from optional to required host permissions and
 * then withheld at start, as a user can do in chrome://extensions. Granting one host there (`grantHost`) fires the
 * same `permissions.onAdded` the prompt fires, so the extension's own code path is what the test exercises.
 */
function grantableVariant(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-lens-grantable-'));
  fs.cpSync(EXT_PATH, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...manifest.optional_host_permissions];
  delete manifest.optional_host_permissions;
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export const test = base.extend<{ grantable: boolean; lang: string; context: BrowserContext; sw: Worker; extensionId: string }>({
  grantable: [false, { option: true }],
  /** The browser's UI language, which the extension's i18n follows. */
  lang: ['en-GB', { option: true }],
  context: async ({ grantable, lang }, use) => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`);
    if (!fs.existsSync(path.join(EXT_PATH, 'manifest.json'))) throw new Error(`No built extension at ${EXT_PATH}: run npm run build`);
    const extension = grantable ? grantableVariant() : EXT_PATH;
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-lens-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: lang,
      args: [
        `--lang=${lang}`,
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    await serveFakeForges(context);
    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    if (extension !== EXT_PATH) fs.rmSync(extension, { recursive: true, force: true });
  },
  sw: async ({ context, grantable }, use) => {
    const [existing] = context.serviceWorkers();
    const sw = existing ?? (await context.waitForEvent('serviceworker'));
    if (grantable) await setSiteAccess(context, new URL(sw.url()).host, 'withhold-all');
    await use(sw);
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
});

type DeveloperPrivate = {
  updateExtensionConfiguration(c: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(id: string, host: string): Promise<void>;
  removeHostPermission(id: string, host: string): Promise<void>;
};

async function onExtensionsPage<T>(context: BrowserContext, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions/');
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** What a user does in chrome://extensions → Site access (grantable variant only). */
async function setSiteAccess(context: BrowserContext, id: string, _mode: 'withhold-all'): Promise<void> {
  await onExtensionsPage(context, (page) =>
    page.evaluate(async (extensionId) => {
      const dp = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
      await dp.updateExtensionConfiguration({ extensionId, hostAccess: 'ON_SPECIFIC_SITES' });
      for (const host of ['https://github.com/*', 'https://gitlab.com/*']) await dp.addHostPermission(extensionId, host);
    }, id),
  );
}

export async function grantHost(context: BrowserContext, id: string, host: string): Promise<void> {
  await onExtensionsPage(context, (page) =>
    page.evaluate(
      async ([extensionId, origin]) => {
        const dp = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
        await dp.addHostPermission(extensionId!, origin!);
      },
      [id, `https://${host}/*`],
    ),
  );
}

export { expect };

/** The panel's root element (Playwright's CSS locators pierce open shadow roots). */
export const panel = (page: Page): Locator => page.locator('[data-testid="ospo-panel"]');

/** Give the content script time to have acted, then count panel hosts on the page. */
export async function settledPanelCount(page: Page): Promise<number> {
  await page.waitForTimeout(400);
  return page.locator('ospo-lens-panel').count();
}

/**
 * URLs of every request in the context (pages and the extension's service worker) that matches `pattern`;
 * `extensionOnly`: only the extension's own (its service worker's), not what the page itself loads.
 */
export function recordRequests(context: BrowserContext, pattern: RegExp, extensionOnly = false): string[] {
  const seen: string[] = [];
  context.on('request', (r) => {
    if (pattern.test(r.url()) && (!extensionOnly || !!r.serviceWorker())) seen.push(r.url());
  });
  return seen;
}

/** Send a message to the background from an extension page, as the popup and options do. */
export async function askBackground<T>(context: BrowserContext, extensionId: string, message: object): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value: unknown; error?: string }> } } }).chrome.runtime.sendMessage(m).then((r) => {
      if (!r.ok) throw new Error(r.error);
      return r.value;
    }), message) as T;
  } finally {
    await page.close();
  }
}

type TargetInfo = { targetId: string; type: string; url: string };

/** The extension's service-worker targets the browser lists now (none while the worker is stopped). */
async function workerTargets(cdp: CDPSession): Promise<TargetInfo[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
}

/** Evaluate `expression` in one worker target over CDP; rejects if the target does not answer within `timeout` ms. */
async function evaluateInTarget(cdp: CDPSession, targetId: string, expression: string, timeout = 10_000): Promise<unknown> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answer = new Promise<unknown>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the worker did not answer within ${timeout} ms`)), timeout);
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: { result: { value: unknown }; exceptionDetails?: unknown }; error?: unknown };
      if (event.sessionId !== sessionId || reply.id !== 1) return;
      if (reply.error || reply.result?.exceptionDetails) reject(new Error(JSON.stringify(reply.error ?? reply.result?.exceptionDetails)));
      else resolve(reply.result!.result.value);
    });
  });
  try {
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }) });
    return await answer;
  } finally {
    clearTimeout(timer);
  }
}

async function withBrowserSession<T>(context: BrowserContext, fn: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    return await fn(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Evaluate an expression in the extension's running service worker, over CDP: a worker the browser started again after
 * a stop is not one of Playwright's `context.serviceWorkers()`.
 */
export async function evaluateInWorker(context: BrowserContext, expression: string): Promise<unknown> {
  return withBrowserSession(context, async (cdp) => {
    const [worker] = await workerTargets(cdp);
    if (!worker) throw new Error('no service worker is running');
    return evaluateInTarget(cdp, worker.targetId, expression);
  });
}

/** Stop the extension's service worker, as the browser does when it is idle (Chrome's terminate-sw recipe). */
export async function killServiceWorker(context: BrowserContext): Promise<void> {
  await withBrowserSession(context, async (cdp) => {
    for (const t of await workerTargets(cdp)) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  });
}

/**
 * Stop the worker, and wait until the instance that was running is gone. Everything is asked over CDP: Playwright's
 * own `Worker` handle, once its worker is stopped, waits for a start that may never come. The kill is sent again on
 * each poll (one `closeTarget` sent while the browser does not yet list the worker's target stops nothing), and a mark
 * left in the instance tells it from a new one that an event started at once; it must have been seen before it is gone.
 */
export async function stopServiceWorker(context: BrowserContext, sw: Worker): Promise<void> {
  const mark = `__ospoLensStopMark${Date.now()}`;
  await sw.evaluate((m) => void ((globalThis as Record<string, unknown>)[m] = true), mark);
  // "Stopped" only after the marked instance was seen listed: a worker the browser did not list yet is not a stopped one.
  let seen = false;
  await expect
    .poll(
      () =>
        withBrowserSession(context, async (cdp) => {
          const marked: string[] = [];
          for (const t of await workerTargets(cdp)) {
            // A target that does not answer quickly is counted as still running: the next poll asks again.
            const has = await evaluateInTarget(cdp, t.targetId, `${JSON.stringify(mark)} in globalThis`, 2_000).catch(() => true);
            if (has) marked.push(t.targetId);
          }
          if (marked.length) seen = true;
          for (const targetId of marked) await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
          return seen && !marked.length ? 'stopped' : 'running';
        }),
      { message: 'the worker stopped', timeout: 15_000 },
    )
    .toBe('stopped');
}

/** Run axe-core (offline, from node_modules) on the page, or on one element and its shadow tree. */
export async function axeViolations(page: Page, include?: string): Promise<Array<{ id: string; impact: string | null; help: string; nodes: number; where: string[] }>> {
  // Evaluated through the DevTools protocol, which extension pages' CSP (script-src 'self') does not block.
  await page.evaluate(`${fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8')};0`);
  return page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      where: (v.nodes as Array<{ target: unknown; failureSummary?: string }>).slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.slice(0, 300)),
    }));
  }, include);
}

/** The id of the tab showing `url`, read in the service worker (tests open the popup for that tab). */
export async function tabIdOf(sw: Worker, url: string): Promise<number> {
  return sw.evaluate(async (u) => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
    const tabs = await (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
}

/** The strict CSP both manifests must carry (wxt.config.ts), as the tests expect it, written out. */
export const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

/** Evaluated in an extension page (Playwright or Puppeteer): does an inline script injected there run? */
export async function inlineScriptRuns(): Promise<boolean> {
  const w = window as unknown as { inlineRan?: boolean };
  w.inlineRan = false;
  const s = document.createElement('script');
  s.textContent = 'window.inlineRan = true';
  document.head.append(s);
  await new Promise((r) => setTimeout(r, 100));
  return (window as unknown as { inlineRan?: boolean }).inlineRan === true; // read again: the script may have set it
}
