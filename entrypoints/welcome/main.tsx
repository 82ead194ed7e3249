import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '@/components/Welcome';
import { messagesLanguage } from '@/lib/i18n/format';
import { ask } from '@/lib/messaging/client';
import type { KnownForge } from '@/lib/messaging/protocol';
import { grantedHosts } from '@/lib/permissions/dynamic-scripts';
import { requestHosts } from '@/lib/permissions/request';
import './welcome.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
const lang = messagesLanguage(browser.i18n.getUILanguage());
document.documentElement.lang = lang;
document.title = t('welcomeTitle');

let enabled: string[] = [];
let known: KnownForge[] = [];
let denied = false;

function show() {
  render(
    <Welcome
      t={t}
      lang={lang}
      enabled={enabled}
      known={known}
      denied={denied}
      onEnableAll={(hosts) =>
        void requestHosts(hosts).then(async (granted) => {
          denied = !granted;
          enabled = await grantedHosts();
          show();
        })
      }
      onOptions={() => void browser.runtime.openOptionsPage()}
    />,
    document.getElementById('app')!,
  );
}

async function main() {
  show();
  [enabled, known] = await Promise.all([grantedHosts(), ask('knownForges', {})]);
  show();
}
void main();
