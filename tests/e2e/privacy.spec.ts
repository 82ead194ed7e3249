import type { Request } from '@playwright/test';
import { askBackground, expect, panel, settledPanelCount, test } from './fixtures';

/** The hosts that belong to each forge: a page's path may be sent to these, and only to these. */
const FORGE_FAMILY: Record<string, string[]> = {
  'github.com': ['github.com', 'api.github.com', 'raw.githubusercontent.com'],
  'gitlab.com': ['gitlab.com'],
};

test('no request the extension makes carries a visited URL anywhere but that page’s own forge', async ({ context, extensionId }) => {
  const requests: Array<{ url: string; referer?: string; fromExtension: boolean }> = [];
  const record = (r: Request) =>
    requests.push({ url: r.url(), referer: r.headers()['referer'], fromExtension: !!r.serviceWorker() || r.url().startsWith('chrome-extension://') });
  context.on('request', record);

  const visits = [
    'https://github.com/IGNF/itowns', // licence named by the page
    'https://github.com/BRGM/hubeau', // licence asked to the forge
    'https://github.com/InseeFrLab/onyxia', // publiccode.yml read from the forge
    'https://github.com/torvalds/linux', // not public-sector: nothing at all
    'https://github.com/settings/profile', // not a repository page
    'https://gitlab.com/healthdatahub/schema-snds', // GitLab API on the same host
  ];
  const page = await context.newPage();
  for (const url of visits) {
    await page.goto(url);
    await settledPanelCount(page);
  }
  await expect(panel(page)).toBeVisible();
  await askBackground(context, extensionId, { type: 'refreshNow' }); // registry refresh: whole files, no page data

  const fromExtension = requests.filter((r) => r.fromExtension && !r.url.startsWith('chrome-extension://'));
  expect(fromExtension.length).toBeGreaterThan(0); // the recorder does see the extension's requests
  for (const visited of visits) {
    const { host, pathname } = new URL(visited);
    const path = pathname.split('/').filter(Boolean).slice(0, 2).join('/').toLowerCase();
    const allowed = FORGE_FAMILY[host] ?? [host];
    for (const r of fromExtension) {
      const target = new URL(r.url).host;
      const carries = decodeURIComponent(r.url).toLowerCase().includes(path) || (r.referer ?? '').toLowerCase().includes(path);
      if (carries) expect(allowed, `${r.url} carries ${visited}`).toContain(target);
      expect(r.referer ?? '', `${r.url} sent a page as Referer`).not.toContain(host === 'github.com' ? 'github.com/' : host);
    }
  }
  // Nothing at all for the non-public repository and the settings page.
  expect(fromExtension.filter((r) => /torvalds|linux|settings/i.test(r.url))).toEqual([]);
  // Registry refreshes: only whole files from the registry hosts.
  const registry = fromExtension.filter((r) => /code\.gouv\.fr|don-oss-register/.test(r.url));
  expect(registry.length).toBeGreaterThanOrEqual(5);
  for (const r of registry) expect(new URL(r.url).search).toBe('');
});
