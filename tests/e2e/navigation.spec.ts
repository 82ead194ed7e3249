import { expect, panel, settledPanelCount, test } from './fixtures';

test('GitHub in-page navigation keeps exactly one correct panel, also after back and forward', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");

  // To a non-public repository: the panel goes.
  await page.evaluate(() => (window as unknown as { __navigate(p: string): void }).__navigate('/torvalds/linux'));
  await expect(page.locator('ospo-lens-panel')).toHaveCount(0);

  // To another public body's repository: its own panel, not the previous one.
  await page.evaluate(() => (window as unknown as { __navigate(p: string): void }).__navigate('/InseeFrLab/onyxia'));
  await expect(panel(page).getByTestId('org-name')).toContainText('Insee');
  expect(await settledPanelCount(page)).toBe(1);

  await page.goBack(); // torvalds/linux
  expect(await settledPanelCount(page)).toBe(0);
  await page.goBack(); // IGNF/itowns
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  expect(await settledPanelCount(page)).toBe(1);
  await page.goForward();
  await page.goForward(); // InseeFrLab/onyxia
  await expect(panel(page).getByTestId('org-name')).toContainText('Insee');
  expect(await settledPanelCount(page)).toBe(1);
});

test('moving between files of the same repository does not re-render the panel', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns/tree/master');
  await expect(panel(page)).toHaveAttribute('data-mode', 'badge');
  await page.evaluate(() => {
    (document.querySelector('ospo-lens-panel') as HTMLElement & { __mark?: number }).__mark = 1;
    const root = document.querySelector('ospo-lens-panel')!.shadowRoot!;
    (window as unknown as { __mutations: number }).__mutations = 0;
    new MutationObserver((m) => ((window as unknown as { __mutations: number }).__mutations += m.length)).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  for (const path of ['/IGNF/itowns/tree/master/src', '/IGNF/itowns/blob/master/README.md', '/IGNF/itowns/issues'])
    await page.evaluate((p) => (window as unknown as { __navigate(p: string): void }).__navigate(p), path);
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => (document.querySelector('ospo-lens-panel') as HTMLElement & { __mark?: number }).__mark)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
  expect(await settledPanelCount(page)).toBe(1);
});

test('a stale answer for a previous page is never shown', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/torvalds/linux');
  const inserted = await page.evaluate(async () => {
    let count = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'OSPO-LENS-PANEL') count++;
    }).observe(document, { subtree: true, childList: true });
    const nav = (window as unknown as { __navigate(p: string): void }).__navigate;
    nav('/IGNF/itowns'); // its lookup is in flight when the page moves on
    await new Promise((r) => setTimeout(r, 0));
    nav('/refined-github/refined-github');
    await new Promise((r) => setTimeout(r, 600));
    return count;
  });
  expect(inserted).toBe(0);
  expect(await settledPanelCount(page)).toBe(0);
});

test('when the host page re-renders its sidebar, the panel comes back, once', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page)).toBeVisible();
  await page.evaluate(() => {
    document.querySelector('.Layout-sidebar')!.innerHTML = '<div class="BorderGrid"><h2>About</h2><p>re-rendered</p></div>';
  });
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  expect(await page.evaluate(() => document.querySelector('.Layout-sidebar')?.firstElementChild?.tagName)).toBe('OSPO-LENS-PANEL');
  expect(await settledPanelCount(page)).toBe(1);
});

test('from a repository’s home to one of its files in the page: the panel leaves the sidebar for a badge in the header, once', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/IGNF/itowns');
  await expect(panel(page)).toHaveAttribute('data-mode', 'panel');
  expect(await page.evaluate(() => !!document.querySelector('.Layout-sidebar ospo-lens-panel'))).toBe(true);
  await page.evaluate(() => (window as unknown as { __navigate(p: string): void }).__navigate('/IGNF/itowns/blob/master/README.md'));
  await expect(panel(page)).toHaveAttribute('data-mode', 'badge');
  expect(await page.evaluate(() => !!document.querySelector('#repository-container-header ospo-lens-panel'))).toBe(true);
  expect(await settledPanelCount(page)).toBe(1);
  await page.goBack();
  await expect(panel(page)).toHaveAttribute('data-mode', 'panel');
  expect(await settledPanelCount(page)).toBe(1);
});

test('the lean bootstrap (#23): a non-public page runs only it; an in-page move to a public body’s page brings the panel, once', async ({ context, sw }) => {
  const page = await context.newPage();
  // The panel's code announces its start with an event on the document (wxt's content-script context, for an older
  // copy of the script to stop): count them; and it posts no message to the page's listeners.
  await page.addInitScript((started) => {
    const w = window as unknown as { __panelStarts: number; __posted: number };
    w.__panelStarts = 0;
    w.__posted = 0;
    document.addEventListener(started, () => void w.__panelStarts++);
    window.addEventListener('message', (e) => void (String((e.data as { type?: string } | null)?.type).includes('content-script-started') && w.__posted++));
  }, `${new URL(sw.url()).host}:forge:wxt:content-script-started`);
  const starts = () => page.evaluate(() => (window as unknown as { __panelStarts: number }).__panelStarts);
  await page.goto('https://github.com/torvalds/linux');
  // The panel's code was not run here, only the bootstrap; nothing in the page is the panel's.
  await page.waitForTimeout(500);
  expect(await settledPanelCount(page)).toBe(0);
  expect(await starts()).toBe(0);
  await page.evaluate(() => (window as unknown as { __navigate(p: string): void }).__navigate('/IGNF/itowns'));
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  expect(await settledPanelCount(page)).toBe(1);
  expect(await starts()).toBe(1);
  // Nothing of the extension's in the page's performance timeline (a mark would tell the page it is there).
  expect(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name))).toEqual([]);
  // Back to a non-public page and forward again: the panel's own flow has the page now, one panel at most.
  await page.evaluate(() => (window as unknown as { __navigate(p: string): void }).__navigate('/torvalds/linux'));
  await expect(page.locator('ospo-lens-panel')).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { __navigate(p: string): void }).__navigate('/InseeFrLab/onyxia'));
  await expect(panel(page).getByTestId('org-name')).toContainText('Insee');
  expect(await settledPanelCount(page)).toBe(1);
  expect(await starts()).toBe(1); // once: the panel's own flow had the page
  expect(await page.evaluate(() => (window as unknown as { __posted: number }).__posted)).toBe(0);
});

test('the lean bootstrap (#23): an in-page move that fires none of the forge’s events (a bare pushState) still brings the panel', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://github.com/torvalds/linux');
  await page.waitForTimeout(300);
  expect(await settledPanelCount(page)).toBe(0);
  // What a client-side router does without Turbo's events: the URL, the markers and the title change, nothing fires.
  await page.evaluate(() => {
    history.pushState({}, '', '/IGNF/itowns');
    document.querySelector<HTMLMetaElement>('meta[name="octolytics-dimension-repository_nwo"]')!.content = 'IGNF/itowns';
    document.querySelector<HTMLMetaElement>('meta[property="og:url"]')!.content = 'https://github.com/IGNF/itowns';
    document.querySelector('#repository-container-header .author a')!.textContent = 'IGNF';
    document.querySelector('#repository-container-header [itemprop="name"] a')!.textContent = 'itowns';
    document.title = 'GitHub - IGNF/itowns';
  });
  await expect(panel(page).getByTestId('ospo-name')).toHaveText("OSPO de l'IGN");
  expect(await settledPanelCount(page)).toBe(1);
});
