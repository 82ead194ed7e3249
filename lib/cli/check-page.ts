/**
 * npm run -s check:page -- <saved.html> [--url <page url>]
 * For maintainers, when a forge changes its markup: what the extension's own page reading makes of a saved page.
 * Prints JSON (lib/forges/page-report.ts): forge, layout era matched, page kind and view, which rule placed the panel
 * and where, the licence and root files read from the page, and whether the forge's API would be asked. The URL comes from --url, else a manifest.json beside the file
 * (../shared/real-pages), else the page's canonical or og:url.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { pageReport } from '../forges/page-report';

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

console.log(JSON.stringify({ file, ...pageReport(url, doc) }, null, 2));
await window.happyDOM.close();
