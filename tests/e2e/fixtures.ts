import { test as base, chromium, expect, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXT_PATH = path.resolve(process.env.EXT_PATH ?? '.output/chrome-mv3');
const PAGES = path.resolve('tests/fixtures/pages');

export interface GithubPage {
  owner: string;
  repo?: string;
  public?: boolean;
  colorMode?: 'light' | 'dark';
  licence?: string;
}

/** A saved GitHub-like page for a URL, with its markers filled in. */
export function githubHtml(url: string, overrides: Partial<GithubPage> = {}): { status: number; body: string } {
  const segs = new URL(url).pathname.split('/').filter(Boolean);
  const [owner = '', repo] = segs[0] === 'orgs' ? [segs[1]] : segs;
  if (owner === 'missing' || repo === 'missing') return { status: 404, body: fs.readFileSync(path.join(PAGES, 'github-404.html'), 'utf8') };
  const file = repo ? 'github-repo.html' : 'github-org.html';
  const values: Record<string, string> = {
    OWNER: overrides.owner ?? owner,
    REPO: overrides.repo ?? repo ?? '',
    PUBLIC: String(overrides.public ?? true),
    COLOR_MODE: overrides.colorMode ?? 'light',
    LICENCE: overrides.licence ?? 'MIT',
  };
  const body = fs.readFileSync(path.join(PAGES, file), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
  return { status: 200, body };
}

export const test = base.extend<{ context: BrowserContext; sw: Worker; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take an object pattern
  context: async ({}, use) => {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-lens-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        `--disable-extensions-except=${EXT_PATH}`,
        `--load-extension=${EXT_PATH}`,
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    // Every request to github.com gets a saved page; nothing leaves the machine.
    await context.route(/^https:\/\/github\.com\//, (route) => {
      const { status, body } = githubHtml(route.request().url());
      return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
    });
    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },
  sw: async ({ context }, use) => {
    const [existing] = context.serviceWorkers();
    await use(existing ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
});

export { expect };

/** The panel's root element (Playwright's CSS locators pierce open shadow roots). */
export const panel = (page: Page): Locator => page.locator('[data-testid="ospo-panel"]');

/** Give the content script time to have acted, then count panel hosts on the page. */
export async function settledPanelCount(page: Page): Promise<number> {
  await page.waitForTimeout(400);
  return page.locator('ospo-lens-panel').count();
}
