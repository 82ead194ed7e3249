import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Panel } from '@/components/Panel';
import { TRY_REPOSITORY, Welcome } from '@/components/Welcome';
import panelCss from '@/components/panel.css?inline';
import { messagesLanguage } from '@/lib/i18n/format';
import { ask } from '@/lib/messaging/client';
import { grantedHosts } from '@/lib/permissions/dynamic-scripts';
import type { LookupResult } from '@/lib/registry/lookup';
import './welcome.css';

const t = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as never, subs);
const lang = messagesLanguage(browser.i18n.getUILanguage());
document.documentElement.lang = lang;
document.title = t('welcomeTitle');

let enabled: string[] = [];
let tryAnswer: LookupResult | undefined;

/** The real panel, in its own shadow root with its own sheet, as it shows on the forge (from the registry: no request). */
function PanelPreview({ result }: { result: LookupResult }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current!;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    if (!root.firstChild) {
      const style = document.createElement('style');
      style.textContent = panelCss;
      root.append(style, document.createElement('div'));
    }
    render(<Panel result={result} t={t} lang={lang} />, root.lastChild as HTMLElement);
    // The panel takes the page's theme (this page follows the system's).
    const media = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => el.classList.toggle('ol-dark', media.matches);
    follow();
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [result]);
  return <div ref={host} />;
}

function show() {
  render(
    <Welcome t={t} lang={lang} enabled={enabled} preview={tryAnswer && <PanelPreview result={tryAnswer} />} onOptions={() => void browser.runtime.openOptionsPage()} />,
    document.getElementById('app')!,
  );
}

async function main() {
  show();
  [enabled, tryAnswer] = await Promise.all([grantedHosts(), ask('lookup', { url: TRY_REPOSITORY }).catch(() => undefined)]);
  show();
}
void main();
