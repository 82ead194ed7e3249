import { detectPage, readLayout } from './detect';
import { readinessOf } from '../facts/readiness';
import { classifyLicence } from '../licence/classify';

/**
 * What the extension's own page reading makes of a page (`npm run check:page`): forge, confirmation, kind and view,
 * the layout era matched (null: none), which rule placed the panel and where, the licence and root files the page
 * shows, and whether the forge's API would be asked. Pure: a parsed document and its URL in, plain data out.
 */
export function pageReport(url: string, doc: Document) {
  const page = detectPage(url, doc);
  const layout = readLayout(page, doc);
  const { licence, placement, files } = layout;
  const verdict = licence ? classifyLicence(licence.state === 'none' ? '' : licence.text) : undefined;
  const isRepo = page.answer === 'yes' && page.kind === 'repository';
  return {
    url,
    forge: page.ref.forge,
    confirmed: page.answer,
    kind: page.kind,
    view: page.view,
    visibility: page.visibility,
    era: layout.era?.id ?? null,
    placement: placement.mode === 'fixed' ? { mode: 'fixed', rule: 'corner' } : { mode: placement.mode, rule: placement.rule ?? 'era', selector: placement.anchor, insert: placement.insert },
    licence: licence ? { ...licence, spdx: verdict?.spdx ?? null } : null,
    // The forge's API is only asked when the page does not settle the licence (sub-pages, "View license").
    apiNeeded: isRepo && !(licence && (licence.state === 'none' || verdict?.spdx)),
    // publiccode.yml is only asked for when the page does not show the whole root listing.
    rootFiles: files ? { from: files.from, count: files.names.length, publiccode: readinessOf(files.names).publiccode } : null,
  };
}
