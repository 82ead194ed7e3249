import { render } from 'preact';
import { Panel } from '@/components/Panel';
import type { Translate } from '@/components/i18n';
import type { PanelView } from '@/lib/content/page-flow';
import { mergeFacts, type LicenceFacts, type PubliccodeFacts, type RepoFacts } from '@/lib/facts/merge';
import { insertAt, type Placement } from '@/lib/forges/layout';
import type { AccountContact, LookupResult } from '@/lib/registry/lookup';
import css from '@/components/panel.css?inline';
import { isDarkPage } from '@/lib/forges/theme';
import { githubRepositoryCount } from '@/lib/forges/github-dom';

const HOST_TAG = 'ospo-lens-panel';

/**
 * The panel's one shadow host on the page. Idempotent: showing again re-renders in place; a host left by an
 * earlier instance of the content script (extension update) is removed first, so there is never more than one.
 */
export class PanelMount implements PanelView {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  /** The sidebar panel shows only its header line (a saved setting). */
  private collapsed = false;
  /** A badge's panel is open (not saved: a badge starts closed on every page). */
  private open = false;
  private result: LookupResult | undefined;
  private placement: Placement | undefined;
  /** The licence: being asked, known, or not to be shown (undefined). */
  private licence: LicenceFacts | 'loading' | undefined;
  private publiccode: PubliccodeFacts | undefined;
  private profile: { name?: string; contact?: AccountContact } | undefined;
  private footer: string | undefined;
  private themeWatch: { observer: MutationObserver; media: MediaQueryList; onMedia: () => void } | undefined;

  /** `onCollapse` saves the state; `lang` is the UI language (country names are written in it). */
  constructor(
    private readonly t: Translate,
    private readonly onCollapse?: (collapsed: boolean) => void,
    private readonly lang = 'en',
    /** The user asked for the organisation audit (the background opens it for this page's account). */
    private readonly onAudit?: () => void,
  ) {}

  setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.render();
  }

  isAttached(): boolean {
    return !!this.host?.isConnected;
  }

  /** Build and render the panel without putting it in the page (`show` then attaches it). */
  private prepare(result: LookupResult, licence?: 'loading'): void {
    if (this.result === result && this.host) return;
    this.result = result;
    if (licence !== undefined) this.licence = licence;
    if (!this.host) {
      this.host = document.createElement(HOST_TAG);
      this.root = this.host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      this.root.append(style, document.createElement('div'));
      this.root.addEventListener('keydown', (event) => {
        // Only the user's own keys: a page script's synthetic events never drive the panel.
        if (!event.isTrusted || (event as KeyboardEvent).key !== 'Escape' || !this.open || this.mode() !== 'badge') return;
        this.open = false;
        this.render();
        this.root?.querySelector<HTMLElement>('.badge-button')?.focus();
      });
    }
    this.render();
  }

  show(result: LookupResult, placement: Placement, licence?: 'loading' | LicenceFacts, footer?: string): void {
    if (footer !== undefined) this.footer = footer;
    const prepared = this.result === result && !!this.host;
    if (!prepared) this.prepare(result, licence === 'loading' ? licence : undefined);
    if (licence !== undefined) this.licence = licence;
    if (this.placement?.mode !== placement.mode) this.open = false;
    this.placement = placement;
    if (!this.host!.isConnected) for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
    this.watchTheme();
    this.applyTheme();
    const host = this.host!;
    host.classList.toggle('ol-fixed', placement.mode === 'fixed');
    host.classList.toggle('ol-badge', placement.mode !== 'panel');
    host.dataset.era = placement.era ?? 'fixed';
    if (!insertAt(host, placement, document)) insertAt(host, { mode: 'fixed', era: null }, document);
    this.render();
  }

  setFooter(footer: string | undefined): void {
    this.footer = footer;
    this.render();
  }

  /** The licence arrived (or could not be asked: undefined hides the line). */
  setLicence(licence: LicenceFacts | undefined): void {
    this.licence = licence;
    this.render();
  }

  setPubliccode(publiccode: PubliccodeFacts | undefined): void {
    this.publiccode = publiccode;
    this.render();
  }

  setProfile(profile: { name?: string; contact?: AccountContact } | undefined): void {
    this.profile = profile;
    this.render();
  }

  /** On an organisation's page: the audit link, with the count of repositories the page shows (a trusted click only). */
  private audit(): { count?: number; onOpen: (event: Event) => void } | undefined {
    if (this.result?.kind !== 'organisation' || !this.onAudit) return undefined;
    const onAudit = this.onAudit;
    return { count: githubRepositoryCount(document), onOpen: (event) => event.isTrusted && onAudit() };
  }

  private facts(): RepoFacts | 'loading' | undefined {
    return this.licence === 'loading' || this.licence === undefined ? this.licence : mergeFacts(this.licence, this.publiccode);
  }

  private mode(): 'panel' | 'badge' {
    return this.placement && this.placement.mode !== 'panel' ? 'badge' : 'panel';
  }

  private applyTheme(): void {
    this.host?.classList.toggle('ol-dark', isDarkPage(document, matchMedia('(prefers-color-scheme: dark)').matches));
  }

  /** Follow the host page when the user switches its theme (or the system's, for "auto"). */
  private watchTheme(): void {
    if (this.themeWatch) return;
    const observer = new MutationObserver(() => this.applyTheme());
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-color-mode'] });
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onMedia = () => this.applyTheme();
    media.addEventListener('change', onMedia);
    this.themeWatch = { observer, media, onMedia };
  }

  remove(): void {
    if (this.themeWatch) {
      this.themeWatch.observer.disconnect();
      this.themeWatch.media.removeEventListener('change', this.themeWatch.onMedia);
      this.themeWatch = undefined;
    }
    if (this.root) render(null, this.root.lastElementChild!);
    this.host?.remove();
    this.host = undefined;
    this.root = undefined;
    this.result = undefined;
    this.placement = undefined;
    this.licence = undefined;
    this.publiccode = undefined;
    this.profile = undefined;
    this.footer = undefined;
    this.open = false;
  }

  private render(): void {
    if (!this.root || !this.result) return;
    const badge = this.mode() === 'badge';
    // An open badge's popover stays inside the window: near its right edge it opens to the left.
    if (badge && this.open && this.host?.isConnected) this.host.classList.toggle('ol-open-left', this.host.getBoundingClientRect().left + 340 > innerWidth - 16);
    // The shadow root is open (tests and assistive tools read it), so page scripts can reach its buttons: only a
    // trusted event (the user's own click or key) folds the panel or opens the badge, and saves the fold.
    const onToggle = (event: Event) => {
      if (!event.isTrusted) return;
      if (badge) this.open = !this.open;
      else {
        this.collapsed = !this.collapsed;
        this.onCollapse?.(this.collapsed);
      }
      this.render();
    };
    render(
      <Panel
        result={this.result}
        t={this.t}
        mode={badge ? 'badge' : 'panel'}
        collapsed={badge ? !this.open : this.collapsed}
        onToggle={onToggle}
        facts={this.facts()}
        accountName={this.profile?.name}
        accountContact={this.profile?.contact}
        lang={this.lang}
        footer={this.footer}
        audit={this.audit()}
      />,
      this.root.lastElementChild!,
    );
  }
}
