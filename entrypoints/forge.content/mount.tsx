import { render } from 'preact';
import { Panel } from '@/components/Panel';
import type { Translate } from '@/components/i18n';
import type { RepoFacts } from '@/lib/facts/repo-facts';
import type { LookupResult } from '@/lib/registry/lookup';
import css from '@/components/panel.css?inline';
import { isDarkPage } from '@/lib/forges/theme';

const HOST_TAG = 'ospo-lens-panel';

/**
 * The panel's one shadow host on the page. Idempotent: showing again re-renders in place; a host left by an
 * earlier instance of the content script (extension update) is removed first, so there is never more than one.
 */
export class PanelMount {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  private collapsed = false;
  private last: { result: LookupResult; anchors: readonly string[] } | undefined;
  private facts: RepoFacts | 'loading' | undefined;
  private footer: string | undefined;
  private themeWatch: { observer: MutationObserver; media: MediaQueryList; onMedia: () => void } | undefined;

  /** `onCollapse` saves the state; `collapsed` is where it starts. */
  constructor(
    private readonly t: Translate,
    private readonly onCollapse?: (collapsed: boolean) => void,
  ) {}

  setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.render();
  }

  isAttached(): boolean {
    return !!this.host?.isConnected;
  }

  /**
   * Build and render the panel without putting it in the page: done while the page is still loading, so that
   * `show` at DOMContentLoaded only has to attach it (the first render is the costly part).
   */
  prepare(result: LookupResult, facts?: RepoFacts | 'loading'): void {
    if (this.last?.result === result && this.host) return;
    this.last = { result, anchors: this.last?.anchors ?? [] };
    if (facts !== undefined) this.facts = facts;
    if (!this.host) {
      this.host = document.createElement(HOST_TAG);
      this.root = this.host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      this.root.append(style, document.createElement('div'));
    }
    this.render();
  }

  show(result: LookupResult, anchors: readonly string[], facts?: RepoFacts | 'loading'): void {
    const prepared = this.last?.result === result && !!this.host;
    if (!prepared) this.prepare(result, facts);
    else if (facts !== undefined && facts !== this.facts) {
      this.facts = facts;
      this.render();
    }
    this.last = { result, anchors };
    if (!this.host!.isConnected) for (const stale of document.querySelectorAll(HOST_TAG)) stale.remove();
    this.watchTheme();
    this.applyTheme();
    const host = this.host!;
    const anchor = anchors.map((s) => document.querySelector(s)).find((el): el is Element => !!el);
    host.classList.toggle('ol-fixed', !anchor);
    if (anchor) {
      if (anchor.firstElementChild !== host) anchor.prepend(host);
    } else if (host.parentElement !== document.body) document.body.append(host);
  }

  setFooter(footer: string | undefined): void {
    this.footer = footer;
    this.render();
  }

  /** The licence facts arrived (or failed: undefined hides the line). */
  setFacts(facts: RepoFacts | undefined): void {
    this.facts = facts;
    this.render();
  }

  /** Put the panel back where it belongs after the host page replaced the anchor's content. */
  reattach(): void {
    if (this.last) this.show(this.last.result, this.last.anchors);
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
    this.last = undefined;
    this.facts = undefined;
    this.footer = undefined;
  }

  private render(): void {
    if (!this.root || !this.last) return;
    const onToggle = () => {
      this.collapsed = !this.collapsed;
      this.onCollapse?.(this.collapsed);
      this.render();
    };
    render(
      <Panel result={this.last.result} t={this.t} collapsed={this.collapsed} onToggle={onToggle} facts={this.facts} footer={this.footer} />,
      this.root.lastElementChild!,
    );
  }
}
