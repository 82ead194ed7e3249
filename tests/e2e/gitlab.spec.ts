import { expect, grantHost, panel, settledPanelCount, test } from './fixtures';

test('a gitlab.com project of a public group shows its panel', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://gitlab.com/healthdatahub/schema-snds/-/tree/main');
  const p = panel(page);
  await expect(p).toHaveAttribute('data-status', 'public-sector');
  // Its ospo_url is in no OSPO list: the body's open-source page, and the nearest OSPO (issue #11).
  await expect(p.getByTestId('ospo-name')).toHaveAttribute('data-ospo-scope', 'nearest');
  await expect(p.getByTestId('open-source-page')).toHaveAttribute('href', 'https://www.health-data-hub.fr/open-source');
  expect(await settledPanelCount(page)).toBe(1);
  expect(await page.evaluate(() => document.querySelector('.project-page-sidebar')?.firstElementChild?.tagName)).toBe('OSPO-LENS-PANEL');
});

test('a gitlab.com subgroup page shows the group panel (the DOM, not the URL, says it is a group)', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://gitlab.com/healthdatahub/formation');
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).locator('[data-catalogue="software-heritage"]')).toHaveCount(0); // a group is not archived as a repository
  expect(await settledPanelCount(page)).toBe(1);
});

test('a gitlab.com group page of a public body shows its panel; other groups show none', async ({ context, sw: _sw }) => {
  const page = await context.newPage();
  await page.goto('https://gitlab.com/groups/healthdatahub');
  await expect(panel(page)).toBeVisible();
  await page.goto('https://gitlab.com/gitlab-org/gitlab');
  expect(await settledPanelCount(page)).toBe(0);
});

test.describe('a self-hosted public forge', () => {
  test.use({ grantable: true });

  test('shows nothing before the user enables it, then panels at once in the open tab and on later pages', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto('https://gitlab.inria.fr/solverstack/chameleon');
    expect(await settledPanelCount(page)).toBe(0);

    // Options offer the forge before it is enabled.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html?enable=gitlab.inria.fr`);
    await expect(options.getByTestId('enable-offer')).toContainText('gitlab.inria.fr');

    await grantHost(context, extensionId, 'gitlab.inria.fr');
    // The tab already open gets its panel without a reload.
    await expect(panel(page).getByTestId('ospo-name')).toHaveAttribute('data-ospo-scope', 'nearest');
    await expect(panel(page).getByTestId('org-name')).toContainText(/inria/i);
    expect(await settledPanelCount(page)).toBe(1);

    // Nested groups and /-/ sub-pages on the newly enabled host.
    await page.goto('https://gitlab.inria.fr/solverstack/chameleon/-/issues');
    await expect(panel(page)).toBeVisible();
    expect(await settledPanelCount(page)).toBe(1);

    await options.reload();
    await expect(options.getByTestId('enabled-forges')).toContainText('gitlab.inria.fr');
  });

  test('a granted host that is not a GitLab gets nothing', async ({ context, extensionId }) => {
    await grantHost(context, extensionId, 'not-a-forge.example.org');
    const page = await context.newPage();
    await page.goto('https://not-a-forge.example.org/group/project');
    expect(await settledPanelCount(page)).toBe(0);
  });
});

test.describe('the toolbar icon', () => {
  test.use({ grantable: true });

  test('marks known public forges until they are enabled', async ({ context, sw, extensionId }) => {
    type Rules = Array<{ conditions: Array<{ pageUrl: { hostEquals: string } }> }>;
    const markedHosts = () =>
      sw.evaluate(
        () =>
          new Promise<string[]>((resolve) =>
            (globalThis as unknown as { chrome: { declarativeContent: { onPageChanged: { getRules(cb: (r: Rules) => void): void } } } }).chrome.declarativeContent.onPageChanged.getRules(
              (rules: Rules) => resolve(rules.flatMap((r) => r.conditions.map((c) => c.pageUrl.hostEquals))),
            ),
          ),
      );
    await expect.poll(markedHosts).toContain('gitlab.inria.fr');
    expect(await markedHosts()).not.toContain('github.com');
    expect((await markedHosts()).length).toBeGreaterThan(80);
    await grantHost(context, extensionId, 'gitlab.inria.fr');
    await expect
      .poll(async () => {
        const hosts = await markedHosts();
        return hosts.includes('forgemia.inra.fr') && !hosts.includes('gitlab.inria.fr');
      })
      .toBe(true);
  });
});
