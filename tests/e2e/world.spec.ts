/** Issue #15: sensible answers outside France, in the panel and the popup (U.S., U.K., German and EU accounts). */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, panel, recordRequests, tabIdOf, test } from './fixtures';

async function popupFor(context: BrowserContext, sw: Parameters<typeof tabIdOf>[0], extensionId: string, url: string): Promise<Page> {
  const tab = await tabIdOf(sw, url);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await expect(popup.getByTestId('popup')).toHaveAttribute('data-status', 'public-sector');
  return popup;
}

test('a U.S. agency: its name, "national government, United States", its code.gov source-code contact, licence judged by OSI/FSF', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  const url = 'https://github.com/GSA/code-gov';
  await page.goto(url);
  const p = panel(page);
  await expect(p.getByTestId('org-name')).toHaveText('General Services Administration (GSA)');
  await expect(p).toContainText('General Services Administration (GSA) · national government, United States');
  await expect(p).toContainText('Source-code contact');
  await expect(p.getByTestId('ospo-email')).toHaveAttribute('href', 'mailto:victoria.mcfadden@gsa.gov');
  await expect(p.getByTestId('licence-policy')).toHaveText('No national licence list known for the United States: judged by OSI approval and FSF freedom');
  const popup = await popupFor(context, sw, extensionId, url);
  await expect(popup.getByTestId('org-name')).toHaveText('General Services Administration (GSA)');
  await expect(popup.getByTestId('ospo-email')).toHaveAttribute('href', 'mailto:victoria.mcfadden@gsa.gov');
});

test('a U.K. department: its name, no OSPO known for the United Kingdom, and the U.K.’s public code catalogue', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  const url = 'https://github.com/alphagov/govuk-frontend';
  await page.goto(url);
  const p = panel(page);
  await expect(p.getByTestId('org-name')).toHaveText('Government Digital Service');
  await expect(p).toContainText('Government Digital Service · national government, United Kingdom');
  await expect(p.getByTestId('no-ospo')).toContainText('No open source office known for the United Kingdom.');
  await expect(p.getByTestId('public-catalogue')).toHaveAttribute('href', 'https://uk-x-gov-software-community.github.io');
  await expect(p.getByTestId('ospo-name')).toHaveCount(0);
  const popup = await popupFor(context, sw, extensionId, url);
  await expect(popup.getByTestId('public-catalogue')).toHaveAttribute('href', 'https://uk-x-gov-software-community.github.io');
});

test('a German body no list names: its login, then the name it gives itself on GitHub; Open CoDE as the catalogue', async ({ context, sw, extensionId }) => {
  const apiCalls = recordRequests(context, /^https:\/\/api\.github\.com\/users\//);
  const page = await context.newPage();
  const url = 'https://github.com/digitalservicebund/ris-backend-service';
  await page.goto(url);
  const p = panel(page);
  await expect(p.getByTestId('org-name')).toHaveText('DigitalService GmbH des Bundes');
  await expect(p.getByTestId('org-login')).toContainText('digitalservicebund, as the account names itself');
  await expect(p).toContainText('· national government, Germany'); // "bund" in its login: the federation's
  await expect(p.getByTestId('public-catalogue')).toHaveAttribute('href', 'https://opencode.de');
  expect(apiCalls).toEqual(['https://api.github.com/users/digitalservicebund']);
  const popup = await popupFor(context, sw, extensionId, url);
  await expect(popup.getByTestId('org-name')).toHaveText('digitalservicebund');
  await expect(popup.getByTestId('popup')).toContainText('(national government, Germany)');
});

test('an EU body: an international body with no country, the Open Source Observatory', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  const url = 'https://github.com/ec-europa/europa-component-library';
  await page.goto(url);
  const p = panel(page);
  await expect(p.getByTestId('org-name')).toHaveText('ec-europa');
  await expect(p.getByTestId('org-login')).toContainText('unnamed public body');
  await expect(p).toContainText('ec-europa · unnamed public body · European Union');
  await expect(p.getByTestId('no-ospo')).toContainText('No open source office known for the European Union.');
  await expect(p.getByTestId('public-catalogue')).toHaveText('Open Source Observatory (OSOR)');
  const popup = await popupFor(context, sw, extensionId, url);
  await expect(popup.getByTestId('public-catalogue')).toHaveText('Open Source Observatory (OSOR)');
});

test('a city with no OSPO: the contact its account publishes (as the U.S. survey recorded it), labelled as the account’s, never as an OSPO; no request to the forge', async ({ context }) => {
  const apiCalls = recordRequests(context, /^https:\/\/api\.github\.com\/users\//);
  const page = await context.newPage();
  await page.goto('https://github.com/cityofboston/boston.gov');
  const p = panel(page);
  await expect(p.getByTestId('org-name')).toHaveText('City of Boston');
  await expect(p).toContainText('City of Boston · as the account names itself · local government, United States');
  const contact = p.getByTestId('account-contact');
  await expect(contact).toContainText('Contact published by the account');
  await expect(contact.locator('a[href="mailto:doit@boston.gov"]')).toBeVisible();
  await expect(contact.locator('a[href="https://www.boston.gov/doit"]')).toBeVisible();
  await expect(contact).toContainText('as a list recorded it in December 2024');
  await expect(p.getByTestId('ospo-name')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(apiCalls).toEqual([]);
});
