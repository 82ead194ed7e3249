import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { ask } from '@/lib/messaging/client';
import './popup.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';

/** The tab to describe: the active tab, or `?tab=<id>` (tests, and pages opened outside the toolbar). */
async function targetTab() {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function main() {
  const app = document.getElementById('app')!;
  render(<Popup state={{ status: 'loading' }} t={t} />, app);
  try {
    const tab = await targetTab();
    if (!tab?.url) return render(<Popup state={{ status: 'unavailable' }} t={t} />, app);
    const result = await ask('lookup', { url: tab.url });
    render(<Popup state={{ status: 'ready', result }} t={t} />, app);
  } catch (error) {
    render(<Popup state={{ status: 'error', message: (error as Error).message }} t={t} />, app);
  }
}
void main();
