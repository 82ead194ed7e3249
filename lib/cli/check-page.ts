/**
 * npm run -s check:page -- <saved.html> [--url <page url>]
 * For maintainers, when a forge changes its markup: what the extension's own page reading makes of a saved page.
 * Prints JSON: forge, layout era matched, page kind and view, where the panel would go, the licence read from the
 * page and whether the forge's API would be asked. The URL comes from --url, else a manifest.json beside the file
 * (../shared/real-pages), else the page's canonical or og:url.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { detectPage, readLayout } from '../forges/detect';
import { classifyLicence } from '../licence/classify';

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const url0 = urlAt === -1 ? undefined : args[urlAt + 1];
const file = args.find((a, i) => !a.startsWith('--') && (urlAt === -1 || i !== urlAt + 1));
if (!file) {
  console.error('usage: npm run -s check:page -- <saved.html> [--url <page url>]');
  process.exit(2);
}
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`check:page: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  process.exit(2);
}

const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} } as unknown as Console;
const window = new Window({
  console: quiet,
  settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, handleDisabledFileLoadingAsSuccess: true },
});
const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function urlFromManifest(): string | undefined {
  const manifest = join(dirname(file!), 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  try {
    const row = (JSON.parse(readFileSync(manifest, 'utf8')) as Array<{ file: string; originalUrl?: string; pageUrl?: string }>).find((r) => r.file === basename(file!));
    return row?.pageUrl ?? row?.originalUrl;
  } catch {
    return undefined;
  }
}

const url =
  url0 ??
  urlFromManifest() ??
  doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
  doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
  undefined;
if (!url) {
  console.error(`check:page: no URL for ${file}: pass --url <the page's URL>`);
  process.exit(2);
}

const page = detectPage(url, doc);
const layout = readLayout(page, doc);
const licence = layout.licence;
const verdict = licence ? classifyLicence(licence.state === 'none' ? '' : licence.text) : undefined;
const isRepo = page.answer === 'yes' && page.kind === 'repository';
console.log(
  JSON.stringify(
    {
      file,
      url,
      forge: page.ref.forge,
      confirmed: page.answer,
      kind: page.kind,
      view: page.view,
      visibility: page.visibility,
      era: layout.era?.id ?? null,
      placement: layout.placement.mode === 'fixed' ? { mode: 'fixed' } : { mode: layout.placement.mode, selector: layout.placement.anchor, insert: layout.placement.insert },
      licence: licence ? { ...licence, spdx: verdict?.spdx ?? null } : null,
      // The forge's API is only asked when the page does not settle the licence (sub-pages, "View license").
      apiNeeded: isRepo && !(licence && (licence.state === 'none' || verdict?.spdx)),
    },
    null,
    2,
  ),
);
await window.happyDOM.close();
