import fs from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { askBackground, EXT_PATH, expect, grantHost, inlineScriptRuns, panel, recordRequests, settledPanelCount, STRICT_CSP, test } from './fixtures';

/**
 * What a compromised page renderer can do: run code in the content script's isolated world (same `chrome.runtime`,
 * same `chrome.storage` as the content script). Reached here as an attacker would, through the DevTools protocol's
 * isolated execution context of the extension on a github.com page.
 */
async function contentScriptWorld(page: Page, extensionId: string): Promise<<T>(expression: string) => Promise<T>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${extensionId}`;
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin === origin)).toBe(true);
  const contextId = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin)!.id;
  return async <T,>(expression: string) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  };
}

/** Entries in one of the extension's IndexedDB stores, counted in the service worker. */
const countStore = (sw: Worker, store: string) =>
  sw.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('ospo-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
    store,
  );

const GENERIC = { ok: false, error: 'the extension could not answer' };

/** Every message only the extension's own pages may send, and what it would do for an attacker. */
const PRIVILEGED = [
  { type: 'registryStatus' }, // which sources, custom registries included
  { type: 'refreshNow' }, // network traffic on demand
  { type: 'settingsChanged' }, // a recompile on demand
  { type: 'search', query: 'ministère' },
  { type: 'validateRegistry', url: 'https://evil.example/reg.json' }, // made the background fetch any URL
  { type: 'clearCaches' },
  { type: 'forgeStatus', url: 'https://gitlab.inria.fr/x/y' }, // tells which hosts the user granted
  { type: 'knownForges' },
  { type: 'customForges' }, // the hosts of the registries the user added
  { type: 'auditPlan', account: 'https://github.com/etalab' }, // the audit page's plan
];
/** Types that are keys of every object: a dispatch through `in` or `obj[type]` would find them. */
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'].map((type) => ({ type }));
/** Allowed types, but about another site than the page's own: the background would request that site. */
const OTHER_ORIGIN = [
  { type: 'repoFacts', url: 'https://gitlab.com/healthdatahub/schema-snds' },
  { type: 'publiccode', url: 'https://gitlab.inria.fr/a/b' },
  { type: 'accountProfile', url: 'https://gitlab.com/healthdatahub' },
  { type: 'openAudit', url: 'https://gitlab.com/healthdatahub' }, // would open a tab about another site's account
  { type: 'projectVisibility', url: 'https://gitlab.inria.fr/a/b', projectId: '1' },
];
const MALFORMED = [{ type: 'lookup', url: 12 }, { type: 'lookup', url: 'x'.repeat(10_000) }, { type: 'lookup', url: 'https://github.com/a/b', extra: 1 }, {}, null, 'lookup'];

test('from the content script’s isolated world: privileged messages, other sites, prototype keys and settings writes change nothing and leak nothing', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/BRGM/hubeau'); // licence asked to the forge's API: one fact cached
  await expect(panel(page)).toHaveAttribute('data-status', 'public-sector');
  await expect(panel(page).getByTestId('licence-status')).toBeVisible();
  await expect.poll(() => countStore(sw, 'facts')).toBeGreaterThan(0);
  const factsBefore = await countStore(sw, 'facts');
  const before = await askBackground<{ generatedAt: string; sources: Array<{ id: string; custom: boolean }> }>(context, extensionId, { type: 'registryStatus' });

  const traffic = recordRequests(context, /^(?!chrome-extension:)/);
  const world = await contentScriptWorld(page, extensionId);
  const send = (messages: unknown[]) =>
    world<unknown[]>(`Promise.all(${JSON.stringify(messages)}.map((m) => chrome.runtime.sendMessage(m).catch((e) => ({ thrown: String(e) }))))`);

  // The channel works: what a content script may ask is answered.
  expect(await send([{ type: 'lookup', url: 'https://github.com/BRGM/hubeau' }])).toEqual([expect.objectContaining({ ok: true, value: expect.objectContaining({ publicSector: true }) })]);

  for (const group of [PRIVILEGED, PROTOTYPE_KEYS, OTHER_ORIGIN, MALFORMED]) {
    const replies = await send(group);
    replies.forEach((reply, i) => expect(reply, JSON.stringify(group[i])).toEqual(GENERIC));
  }
  // A JSON key `__proto__` (own property after JSON.parse) neither passes nor pollutes the background.
  expect(await world(`chrome.runtime.sendMessage(JSON.parse('{"type":"lookup","url":"https://github.com/BRGM/hubeau","__proto__":{"polluted":true}}'))`)).toEqual(GENERIC);
  expect(await sw.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'])).toBeUndefined();

  // Settings writes: storage.local is closed to content scripts; what the background acts on is not there anyway.
  const writes = await world<string[]>(`(async () => {
    const evil = { customRegistries: ['http://evil.example/reg.json'], disabledSources: ['codegouvfr-accounts'], settings: { customRegistries: ['https://evil.example/reg.json'] } };
    const out = [];
    for (const area of ['local', 'sync', 'session']) {
      try { await chrome.storage[area].set(evil); out.push(area + ': written'); } catch (e) { out.push(area + ': refused'); }
    }
    return out;
  })()`);
  expect(writes[0]).toBe('local: refused');

  // Nothing was fetched because of any of this: no refresh, no custom registry, no other site.
  await page.waitForTimeout(500);
  expect(traffic.filter((u) => !u.startsWith('https://github.com/'))).toEqual([]);

  // Nothing changed: same registry, same sources (no custom one), caches kept; and a refresh now asked by the
  // extension itself downloads only the configured https sources.
  const after = await askBackground<typeof before>(context, extensionId, { type: 'registryStatus' });
  expect(after.generatedAt).toBe(before.generatedAt);
  expect(after.sources.map((s) => [s.id, s.custom])).toEqual(before.sources.map((s) => [s.id, s.custom]));
  expect(await countStore(sw, 'facts')).toBe(factsBefore);
  await askBackground(context, extensionId, { type: 'refreshNow' });
  expect(traffic.filter((u) => /evil\.example/.test(u) || u.startsWith('http:'))).toEqual([]);
  const answer = await askBackground<{ publicSector: boolean }>(context, extensionId, { type: 'lookup', url: 'https://github.com/etalab/DVF-app' });
  expect(answer.publicSector).toBe(true); // the accounts source was not switched off
});

test('from the content script’s isolated world: a job for the compiler’s document is not run, even while it is open', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/BRGM/hubeau');
  await expect(panel(page)).toHaveAttribute('data-status', 'public-sector');
  // The document open, as during a refresh (or still, after the page's publiccode.yml was read); the registry store
  // holds no compiled registry yet.
  type Chrome = { offscreen: { createDocument(o: object): Promise<void> }; runtime: { getContexts(f: object): Promise<Array<{ documentUrl?: string }>> } };
  await sw.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    await chrome.offscreen.createDocument({ url: 'compiler.html', reasons: ['WORKERS'], justification: 'test' }).catch((e: Error) => {
      if (!/single offscreen/i.test(e.message)) throw e;
    });
  });
  // One being opened meanwhile (for the page's publiccode.yml) has no address until it is loaded.
  const open = () => sw.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map((c) => c.documentUrl));
  await expect.poll(open).toEqual([`chrome-extension://${extensionId}/compiler.html`]);
  const compiled = () =>
    sw.evaluate(
      () =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('ospo-lens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('registry').objectStore('registry').get('compiled');
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result !== undefined);
            };
          };
        }),
    );
  expect(await compiled()).toBe(false);
  const version = JSON.parse(fs.readFileSync(path.join(EXT_PATH, 'manifest.json'), 'utf8')).version as string;
  const world = await contentScriptWorld(page, extensionId);
  const job = { ospoLensHeavyJob: { job: 'recompile', writer: version, sources: [] } };
  // The service worker's generic refusal is the only answer: the document answers no content script.
  expect(await world(`chrome.runtime.sendMessage(${JSON.stringify(job)}).catch((e) => ({ thrown: String(e) }))`)).toEqual(GENERIC);
  await page.waitForTimeout(300);
  expect(await compiled()).toBe(false);
  // The same job from the service worker is run (the check above could not pass by the document being gone).
  expect(await sw.evaluate((j) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(j), job)).toEqual({ ok: true, value: null });
  expect(await compiled()).toBe(true);
});

test('the built manifest sets a strict Content Security Policy, and an extension page runs no inline script', async ({ context, extensionId }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT_PATH, 'manifest.json'), 'utf8'));
  expect(manifest.content_security_policy).toEqual({ extension_pages: STRICT_CSP });
  // The permissions the README's privacy section lists, and no other.
  expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab', 'alarms', 'declarativeContent', 'offscreen']);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const ran = await page.evaluate(inlineScriptRuns);
  expect(ran).toBe(false);
});

test.describe('a custom registry added from the options', () => {
  test.use({ grantable: true });

  test('adds its new account, labelled; cannot change an official body; its host is no forge; removed, its grant goes', async ({ context, sw, extensionId }) => {
    const example = JSON.parse(fs.readFileSync('docs/example-custom-registry.json', 'utf8'));
    // The same file, plus an attempt to give a ministry's account an OSPO at the publisher's own address.
    example.entries.push({ key: 'github.com/inseefrlab', display: 'https://github.com/InseeFrLab', name: 'INSEE', ospo: 'opensource.example.org' });
    await context.route('https://registry.example.org/ospo-lens.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(example) }));
    await context.route('https://registry.example.org/', (route) => route.fulfill({ contentType: 'text/html', body: '<p>registry host</p>' }));
    const registered = () =>
      sw.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } }).chrome;
        return (await c.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
      });

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    // Chromium cannot accept a permission prompt under automation: the user's grant is given the way a user can
    // (chrome://extensions), then the options' own add flow runs (its request is then answered at once).
    await grantHost(context, extensionId, 'registry.example.org');
    await options.getByTestId('custom-url').fill('https://registry.example.org/ospo-lens.json');
    await options.getByTestId('custom-url').press('Enter');
    await expect(options.getByTestId('custom-message')).toHaveText('Added: 3 entries.');

    // A registry host only: no content script there.
    await expect.poll(registered).not.toContain('https://registry.example.org/*');
    await expect(options.getByTestId('enabled-forges')).not.toContainText('registry.example.org');

    const page = await context.newPage();
    await page.goto('https://gitlab.com/example-city-digital/tools');
    await expect(panel(page).getByTestId('org-name')).toContainText('Example City');
    await expect(panel(page).getByTestId('custom-source')).toHaveText('From a registry you added: registry.example.org');
    await page.goto('https://github.com/InseeFrLab/onyxia');
    await expect(panel(page).getByTestId('ospo-name')).toContainText('DINUM');
    await expect(panel(page).getByTestId('ospo-name')).toHaveAttribute('data-ospo-scope', 'nearest');
    await expect(panel(page).getByTestId('custom-source')).toHaveCount(0);
    await expect(options.locator('[data-source^="custom:"]')).toContainText('1 rejected');

    // In this variant every host is a required permission the user withheld, which Chromium will not let an
    // extension remove ("You cannot remove required permissions"); so the removal the options ask for is recorded.
    await options.evaluate(() => {
      const permissions = (globalThis as unknown as { chrome: { permissions: { remove(p: { origins?: string[] }): Promise<boolean> } } }).chrome.permissions;
      const remove = permissions.remove.bind(permissions);
      (globalThis as unknown as { removed: string[] }).removed = [];
      permissions.remove = (p) => {
        (globalThis as unknown as { removed: string[] }).removed.push(...(p.origins ?? []));
        return remove(p).catch(() => false);
      };
    });
    await options.getByRole('button', { name: 'Remove https://registry.example.org/ospo-lens.json' }).click();
    await expect(options.locator('[data-source^="custom:"]')).toHaveCount(0);
    await expect.poll(() => options.evaluate(() => (globalThis as unknown as { removed: string[] }).removed)).toEqual(['https://registry.example.org/*']);
    await page.goto('https://gitlab.com/example-city-digital/tools');
    expect(await settledPanelCount(page)).toBe(0);
  });
});

test('the panel’s code is compiled only on a public body’s page, and no page can load it by the extension’s id', async ({ context, extensionId, sw: _sw }) => {
  // The one web-accessible file, by a dynamic URL only (an id drawn per browser session): a page cannot probe for it.
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT_PATH, 'manifest.json'), 'utf8'));
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['content-scripts/panel.js'], matches: ['https://*/*'], use_dynamic_url: true }]);

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const parsed: string[] = [];
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => void parsed.push(e.url));
  await cdp.send('Debugger.enable');
  const panelCode = () => parsed.filter((url) => url.startsWith('chrome-extension://') && url.endsWith('/content-scripts/panel.js'));

  // A repository of no public body: the bootstrap runs, asks, and the panel's code is never fetched nor compiled.
  await page.goto('https://github.com/torvalds/linux');
  await expect.poll(() => parsed.some((url) => url.endsWith('/content-scripts/forge.js'))).toBe(true);
  await page.waitForTimeout(1500); // on a public body's page (below) the panel's code is in well before this
  expect(panelCode()).toEqual([]);
  const probe = (url: string) => page.evaluate((u) => fetch(u).then(() => 'loaded', () => 'refused'), url);
  expect(await probe(`chrome-extension://${extensionId}/content-scripts/panel.js`)).toBe('refused');

  // A public body's: it is, and the panel starts.
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  expect(panelCode().length).toBeGreaterThan(0);
  expect(await probe(`chrome-extension://${extensionId}/content-scripts/panel.js`)).toBe('refused');
  await cdp.detach();
});
