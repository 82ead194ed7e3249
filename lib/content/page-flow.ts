import { parsePageUrl, type PageKind } from '../forges';
import type { Detection, PageLayout } from '../forges/detect';
import type { PageLicence, Placement } from '../forges/layout';
import type { LicenceFacts, PubliccodeFacts } from '../facts/merge';
import { readinessOf } from '../facts/readiness';
import type { AccountContact, LookupResult } from '../registry/lookup';
import type { ShownProfile } from '../messaging/protocol';
import { needsProfile } from '../registry/profile-need';

/** The panel as the page flow drives it (the content script's PanelMount; a fake in tests). */
export interface PanelView {
  /** Attach (or move) the panel; what is already known (the licence the page shows, the footer) comes with it: one paint. */
  show(result: LookupResult, placement: Placement, facts?: 'loading' | LicenceFacts, footer?: string): void;
  /** The licence is known (undefined: it could not be asked; the line goes). */
  setLicence(licence: LicenceFacts | undefined): void;
  setPubliccode(publiccode: PubliccodeFacts | undefined): void;
  /** What the account publishes about itself, when the registry lacks it: its own name, its contact. */
  setProfile(profile: { name?: string; contact?: AccountContact } | undefined): void;
  setFooter(footer: string | undefined): void;
  remove(): void;
  isAttached(): boolean;
}

/** Everything the flow needs from the browser and the background, injected: the flow itself is plain logic. */
export interface PageFlowDeps {
  href(): string;
  /** The page as its markers say now. */
  detect(): Detection;
  /** Wait (bounded) until the markers say yes or no; a page that never says becomes `no`. */
  confirm(): Promise<Detection>;
  isLoading(): boolean;
  domReady(): Promise<void>;
  /** Where the panel goes and what the page shows of the licence (needs the body). */
  layout(page: Detection): PageLayout;
  lookup(url: string, kind: PageKind): Promise<LookupResult>;
  licence(url: string, shown: PageLicence | undefined): Promise<LicenceFacts>;
  /** Asked only when the page's own file list does not show that there is none. */
  publiccode(url: string): Promise<PubliccodeFacts | null>;
  /**
   * What the account publishes about itself (name, contact), for a public body the registry lacks it for: from what
   * the page shows (`shown`, no request), else from its forge. Checked by the background.
   */
  accountProfile(url: string, shown: ShownProfile | undefined): Promise<{ name?: string; contact?: AccountContact } | null>;
  /** Is a GitLab project public, when its page does not say (sub-pages seen logged in)? The same forge's API, without cookies. */
  projectVisibility(url: string, projectId: string): Promise<'public' | 'not-public'>;
  /** What the page itself shows of the account (GitHub's organisation header, GitLab's breadcrumbs). */
  shownProfile(page: Detection, login: string): ShownProfile | undefined;
  /** The panel's footer line (sources and age of the registry), or undefined. */
  footer(url: string): Promise<string | undefined>;
  settings(): Promise<{ privateRepos: boolean; licenceEverywhere: boolean; panelsHidden?: boolean }>;
  /** Tell the toolbar what this tab shows. */
  pageState(publicSector: boolean, name?: string): void;
  /** False once the extension was reloaded or updated under this page. */
  valid(): boolean;
  view: PanelView;
}

export type FlowState = 'none' | 'pending' | 'shown';

/** How long the first paint waits for what the background knows without asking a forge (the page's licence, the footer). */
export const FIRST_PAINT_WAIT_MS = 150;

/** `p`, or undefined if it takes longer than `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: number | undefined;
  return Promise.race([p, new Promise<undefined>((done) => (timer = setTimeout(done, ms) as unknown as number))]).finally(() => clearTimeout(timer));
}

/**
 * The identity of the page a panel is for: host, path and whether it is a repository's home (its panel sits in
 * the sidebar) or a sub-page (its badge sits in the header). Same identity: nothing to redo. URL only: GitLab's
 * `/-/` marks sub-pages; the DOM has the last word on what a page is.
 */
export function identityOf(href: string): string {
  const ref = parsePageUrl(href, () => 'gitlab');
  if (ref.kind === 'other') return '';
  let sub = false;
  try {
    const segs = new URL(href).pathname.split('/').filter(Boolean);
    sub = ref.forge === 'github' ? ref.kind === 'repository' && segs.length > 2 : segs.includes('-');
  } catch {
    return '';
  }
  return `${ref.host}/${ref.path.toLowerCase()}${sub ? ' sub' : ''}`;
}

/**
 * The content script's page flow: identity → confirm → lookup → show → facts. One run per page identity; a newer
 * navigation makes every older run give up before it touches the panel, so a stale answer is never shown.
 */
export function createPageFlow(deps: PageFlowDeps) {
  let current: string | undefined;
  let state: FlowState = 'none';
  let run = 0;
  let shown: { result: LookupResult; page: Detection } | undefined;

  const hide = () => {
    shown = undefined;
    deps.pageState(false);
    deps.view.remove();
  };

  /** Put the panel back where the layout says, e.g. after the host page re-rendered its sidebar. */
  function keepAttached(): void {
    if (state !== 'shown' || !shown || deps.view.isAttached()) return;
    deps.view.show(shown.result, deps.layout(shown.page).placement);
  }

  async function visibilityOf(page: Detection, href: string): Promise<Detection['visibility']> {
    if (page.visibility !== 'unknown' || page.ref.forge !== 'gitlab' || !page.projectId) return page.visibility;
    const answer = await deps.projectVisibility(href, page.projectId).catch(() => 'not-public' as const);
    return answer === 'public' ? 'public' : 'private';
  }

  async function update(): Promise<void> {
    const href = deps.href();
    const identity = identityOf(href);
    if (identity === current) return keepAttached();
    current = identity;
    const mine = ++run;
    const stale = () => mine !== run || !deps.valid();
    state = 'none';
    if (!identity) return hide();
    state = 'pending';
    const early = deps.lookup(href, parsePageUrl(href, () => 'gitlab').kind).catch(() => undefined);
    let page = await deps.confirm();
    // Usually both the answer and the confirmation are there before DOMContentLoaded: ask for the footer now, not
    // after. The panel itself is rendered after DOMContentLoaded: rendered while a real GitHub page still parsed, it
    // delayed that page's DOMContentLoaded and, with it, the panel (#23, three A/B runs on the August 2026 capture:
    // without it, DOMContentLoaded 9–26 ms sooner and navigation → panel 10–20 ms sooner).
    let earlyFooter: Promise<string | undefined> | undefined;
    if (page.answer === 'yes' && page.visibility === 'public' && deps.isLoading()) {
      const guess = await early;
      if (!stale() && guess?.publicSector && guess.kind === page.kind && guess.url === href) earlyFooter = deps.footer(href).catch(() => undefined);
    }
    await deps.domReady();
    // Confirmed while the head was still parsing? Decide again on the whole page (e.g. a "private" marker that
    // comes after the repository's name, or a GitLab body that says "group").
    if (page.answer === 'yes') {
      const whole = deps.detect();
      if (whole.answer !== 'wait') page = whole;
    }
    if (stale()) return;
    state = 'none';
    if (page.answer !== 'yes') return hide();
    // A repository is public only when its page says so (or, for a GitLab page that does not, its forge); anything
    // else is treated as private: turned away unless the user allowed it, and never a licence request.
    const isPrivate = page.kind === 'repository' && (await visibilityOf(page, href)) !== 'public';
    if (stale()) return;
    if (isPrivate && !(await deps.settings()).privateRepos) return stale() ? undefined : hide();
    let result: LookupResult;
    try {
      const guessed = await early;
      result = guessed && guessed.kind === page.kind && guessed.url === href ? guessed : await deps.lookup(href, page.kind);
    } catch {
      if (!stale()) hide();
      return;
    }
    if (stale()) return;
    const isRepo = page.kind === 'repository';
    deps.pageState(result.publicSector, result.organisation?.name);
    // Panels switched off (popup): the toolbar still says what the tab is, the page gets nothing.
    const { panelsHidden, licenceEverywhere } = await deps.settings();
    const licenceCard = isRepo && !isPrivate && licenceEverywhere;
    if (panelsHidden || (!result.publicSector && !licenceCard)) {
      shown = undefined;
      return deps.view.remove();
    }
    if (stale()) return;
    const layout = deps.layout(page);
    // What is known without asking any forge — the licence the page itself shows, the footer — is asked of the
    // background first (a few milliseconds), so that the panel's first paint is its final one.
    const footer = result.publicSector ? (earlyFooter ?? deps.footer(href).catch(() => undefined)) : Promise.resolve(undefined);
    const wantLicence = isRepo && !isPrivate;
    const shownLicence = wantLicence && layout.licence ? deps.licence(href, layout.licence).catch(() => undefined) : undefined;
    const [firstFooter, firstLicence] = await Promise.all([within(footer, FIRST_PAINT_WAIT_MS), shownLicence && within(shownLicence, FIRST_PAINT_WAIT_MS)]);
    if (stale()) return;
    deps.view.show(result, layout.placement, firstLicence ?? (wantLicence ? 'loading' : undefined), firstFooter);
    shown = { result, page };
    state = 'shown';
    // A public body the registry has no name or no contact for: what its account publishes about itself — from the
    // page when it shows it (organisation pages), else from its forge.
    if (needsProfile(result))
      void deps.accountProfile(href, deps.shownProfile(page, result.organisation!.login)).then(
        (profile) => stale() || deps.view.setProfile(profile ?? undefined),
        () => undefined,
      );
    if (result.publicSector && firstFooter === undefined) void footer.then((f) => stale() || deps.view.setFooter(f));
    // Never a licence request for a private repository. The licence shows as soon as it is known: a slow
    // publiccode.yml (another request) never holds it back.
    if (isRepo && !isPrivate) {
      // The page's own file list settles it when it shows none: no request then.
      const shownAbsent = layout.files !== undefined && !readinessOf(layout.files.names).publiccode;
      const publiccode = shownAbsent
        ? Promise.resolve(deps.view.setPubliccode(undefined))
        : deps.publiccode(href).then(
            (pc) => stale() || deps.view.setPubliccode(pc ?? undefined),
            () => undefined,
          );
      if (!firstLicence) {
        const licence = await (shownLicence ?? deps.licence(href, layout.licence).catch(() => undefined));
        if (!stale()) deps.view.setLicence(licence);
      }
      await publiccode;
    }
  }

  return { update, keepAttached, state: () => state };
}
