import type { ComponentChildren } from 'preact';
import type { RepoFacts } from '@/lib/facts/repo-facts';
import type { AccountContact, LookupResult } from '@/lib/registry/lookup';
import type { CatalogueKind, CatalogueLink } from '@/lib/registry/catalogue';
import type { Translate } from './i18n';
import { colon, plural } from './i18n';
import { LicenceLine, LicenceVerdict } from './LicenceLine';
import { whereLabel } from './where';

export interface PanelProps {
  result: LookupResult;
  t: Translate;
  /** "Data from 22 Sept 2025 · code.gouv.fr, FLOSS-PSO": where the answer came from, and the date of its data. */
  footer?: string;
  collapsed?: boolean;
  /** Open or fold; gets the click's event (the content script acts only on trusted ones). */
  onToggle?: (event: Event) => void;
  /** Licence and publiccode.yml of a repository, once the background has them. */
  facts?: RepoFacts | 'loading';
  /**
   * `panel`: the whole panel, in a sidebar. `badge`: one compact button in a page header (or a corner), which
   * opens the panel below it; `collapsed` is then "closed". DESIGN.md §5: `data-mode` says which.
   */
  mode?: 'panel' | 'badge';
  /** The name an unnamed body's account gives itself on its forge (shown as such, with its login). */
  accountName?: string;
  /** The contact the account publishes on its forge, asked now (the registry's own, if any, is in `result.contact`). */
  accountContact?: AccountContact;
  /** The language the UI text is in (`lang` attribute, country names, dates): see messagesLanguage(). */
  lang?: string;
  /** On an organisation's page: the audit of its repositories (how many the page says it has), opened on a click. */
  audit?: { count?: number; onOpen: (event: Event) => void };
}

/** The message key of each catalogue link's label (popup too). */
export const CATALOGUE_LABEL: Record<CatalogueKind, string> = {
  'code-gouv-fr': 'catalogue_code_gouv_fr',
  sill: 'catalogue_sill',
  'software-heritage': 'catalogue_software_heritage',
  publiccode: 'catalogue_publiccode',
  'registry-entry': 'catalogue_registry_entry',
};

const BODY_ID = 'ospo-lens-body';
const TITLE_ID = 'ospo-lens-title';

/** The injected panel. Test hooks (`data-testid`, `data-status`…) are a contract: see DESIGN.md §5. */
export function Panel({ result, t, footer, collapsed = false, onToggle, facts, mode = 'panel', accountName, accountContact, lang = 'en', audit }: PanelProps) {
  const { organisation } = result;
  if (!result.publicSector || !organisation) return facts ? <LicenceCard t={t} facts={facts} mode={mode} collapsed={collapsed} onToggle={onToggle} lang={lang} /> : null;
  if (mode === 'badge')
    return (
      <section class="panel badge-mode" lang={lang} data-testid="ospo-panel" data-status="public-sector" data-mode="badge" aria-label={t('panelLabel')}>
        <button type="button" class="badge-button" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle} title={organisation.name}>
          <span class="badge">{t('publicSector')}</span>
          <span class="badge-name">{organisation.name}</span>
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
        {!collapsed && (
          <div class="badge-body" id={BODY_ID}>
            <Head result={result} t={t} accountName={accountName} lang={lang} />
            <Body result={result} t={t} facts={facts} footer={footer} lang={lang} contact={accountContact} audit={audit} />
          </div>
        )}
      </section>
    );
  return (
    <section class={collapsed ? 'panel collapsed' : 'panel'} lang={lang} data-testid="ospo-panel" data-status="public-sector" data-mode="panel" aria-labelledby={TITLE_ID}>
      <Head result={result} t={t} accountName={accountName} lang={lang}>
        {collapsed && <Verdict facts={facts} t={t} />}
        {onToggle && (
          <button type="button" class="toggle" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle} title={t(collapsed ? 'expand' : 'collapse')}>
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
            <span class="sr">{t(collapsed ? 'expand' : 'collapse')}</span>
          </button>
        )}
      </Head>
      {!collapsed && (
        <div id={BODY_ID}>
          <Body result={result} t={t} facts={facts} footer={footer} lang={lang} contact={accountContact} audit={audit} />
        </div>
      )}
    </section>
  );
}

function Head({ result, t, children, accountName, lang }: { result: LookupResult; t: Translate; children?: ComponentChildren; accountName?: string; lang: string }) {
  const organisation = result.organisation!;
  const where = whereLabel(organisation, t, lang);
  const shown = organisation.named ? organisation.name : (accountName ?? organisation.login);
  // One line: the badge, then the body's name with where it is (wrapping together when open, cut with an ellipsis
  // when folded; the full text is the title), then the folded licence verdict and the toggle.
  return (
    <header class="head">
      <span class="badge">{t('publicSector')}</span>
      <h2 class="who" id={TITLE_ID} title={[shown, where].filter(Boolean).join(' · ')}>
        <span class="org" data-testid="org-name" data-named={String(organisation.named)}>
          {shown}
        </span>
        {/* No name in any list: the account's login, or the name it gives itself, said to be so; never a URL. */}
        {!organisation.named && (
          <span class="muted" data-testid="org-login">
            {' '}
            · {accountName ? `${organisation.login}, ${t('ownAccountName')}` : t('unnamedBody')}
          </span>
        )}
        {organisation.named && organisation.selfNamed && <span class="muted"> · {t('ownAccountName')}</span>}
        {organisation.platform && <span class="muted"> · {t('onPlatform', organisation.platform.name)}</span>}
        {organisation.category === 'research-lab' && <span class="muted"> · {t('researchLab')}</span>}
        {where && <span class="country"> ({where})</span>}
      </h2>
      {children}
    </header>
  );
}

/** OSPO, licence, catalogues and footer: the same in the sidebar panel and in an opened badge. */
function Body({ result, t, facts, footer, lang, contact, audit }: { result: LookupResult; t: Translate; facts?: RepoFacts | 'loading'; footer?: string; lang: string; contact?: AccountContact; audit?: PanelProps['audit'] }) {
  const { organisation, ospo } = result;
  const published = result.contact ?? contact;
  const publiccode = facts && facts !== 'loading' ? facts.publiccode : undefined;
  const catalogue: CatalogueLink[] = publiccode ? [...result.catalogue, { kind: 'publiccode', url: publiccode.url }] : result.catalogue;
  // The policy once: not again when it is the OSPO's own website.
  const policyUrl = organisation?.flossPolicy ?? ospo?.policy;
  const policy = policyUrl && !(ospo && sameUrl(policyUrl, ospo.url)) ? policyUrl : undefined;
  // "Report an error" stands apart from the catalogues (last, at the end of the row): it opens the source's page.
  const links = [...catalogue.filter((c) => c.kind !== 'registry-entry'), ...catalogue.filter((c) => c.kind === 'registry-entry')];
  return (
    <div class="body">
      <div class="ospo">
        {ospo ? (
          <>
            <div class="label">
              {ospo.scope === 'nearest' ? (
                <>
                  {t('noOspo')} <strong>{t('nearestOspo')}</strong>
                </>
              ) : ospo.kind === 'contact' ? (
                t('sourceContact')
              ) : (
                <abbr title={t('ospoExpansion')}>{t('ospo')}</abbr>
              )}
            </div>
            <div data-testid="ospo-name" data-ospo-scope={ospo.scope} class="ospo-name">
              {ospo.name}
            </div>
            <div class="links">
              {ospo.email && (
                <a data-testid="ospo-email" href={`mailto:${ospo.email}`}>
                  {ospo.email}
                </a>
              )}
              <a data-testid="ospo-url" href={ospo.url} target="_blank" rel="noopener noreferrer">
                {t('website')}
              </a>
            </div>
          </>
        ) : (
          <div class="label" data-testid="no-ospo">
            <NoOspo result={result} t={t} lang={lang} />
          </div>
        )}
        {organisation?.openSourcePage && (
          <a data-testid="open-source-page" href={organisation.openSourcePage} target="_blank" rel="noopener noreferrer">
            {t('openSourcePage')}
          </a>
        )}
        {policy && (
          <a data-testid="floss-policy" href={policy} target="_blank" rel="noopener noreferrer">
            {t('flossPolicy')}
          </a>
        )}
        {published && <AccountContactLine contact={published} t={t} lang={lang} />}
      </div>
      <LicenceLine facts={facts} t={t} lang={lang} />
      {audit && (
        <button type="button" class="audit-link" data-testid="audit-link" onClick={audit.onOpen}>
          {audit.count === undefined ? t('auditLinkAll') : plural(t, 'auditLink', audit.count, lang)}
        </button>
      )}
      <nav class="catalogues" data-testid="catalogue-links" aria-label={t('catalogues')}>
        <span class="label">
          {t('catalogues')}
          {colon(lang)}
        </span>
        {links.map((c) => (
          <a key={c.kind} data-catalogue={c.kind} href={c.url} target="_blank" rel="noopener noreferrer" class={c.kind === 'registry-entry' ? 'report' : undefined}>
            {t(CATALOGUE_LABEL[c.kind])}
          </a>
        ))}
      </nav>
      {result.customSource && (
        <div class="muted" data-testid="custom-source">
          {t('fromCustomRegistry', result.customSource)}
        </div>
      )}
      {footer && (
        <footer class="foot" data-testid="registry-footer">
          {footer}
        </footer>
      )}
    </div>
  );
}

/** The contact the account publishes on its forge: labelled as such, never as an OSPO (DESIGN.md §5). */
export function AccountContactLine({ contact, t, lang }: { contact: AccountContact; t: Translate; lang: string }) {
  const when = contact.date ? t('accountContactCaptured', formatMonth(contact.date, lang)) : t('accountContactNow');
  return (
    <div data-testid="account-contact" class="account-contact">
      <span class="label">
        {t('accountContact')}
        {colon(lang)}
      </span>{' '}
      {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
      {contact.email && contact.url && ' · '}
      {contact.url && (
        <a href={contact.url} target="_blank" rel="noopener noreferrer">
          {t('website')}
        </a>
      )}{' '}
      <span class="muted">({when})</span>
    </div>
  );
}

/** "2024-12" → "December 2024" in the UI language. */
function formatMonth(yearMonth: string, lang: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y!, (m ?? 1) - 1, 1));
  } catch {
    return yearMonth;
  }
}

/** The licence card alone, for a repository that is not in the registry (the "everywhere" option). */
function LicenceCard({ t, facts, mode, collapsed, onToggle, lang }: { t: Translate; facts: RepoFacts | 'loading'; mode: 'panel' | 'badge'; collapsed: boolean; onToggle?: (event: Event) => void; lang: string }) {
  if (mode === 'badge')
    return (
      <section class="panel badge-mode" lang={lang} data-testid="ospo-panel" data-status="not-listed" data-mode="badge" aria-label={t('panelLabel')}>
        <button type="button" class="badge-button" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle}>
          <span class="badge-name">{t('licenceLabel')}</span>
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
        {!collapsed && (
          <div class="badge-body body" id={BODY_ID}>
            <LicenceLine facts={facts} t={t} lang={lang} />
          </div>
        )}
      </section>
    );
  return (
    <section class="panel" lang={lang} data-testid="ospo-panel" data-status="not-listed" data-mode="panel" aria-label={t('panelLabel')}>
      <header class="head">
        <span class="label">{t('popupNotListed')}</span>
      </header>
      <div class="body">
        <LicenceLine facts={facts} t={t} lang={lang} />
      </div>
    </section>
  );
}

/** The folded panel keeps the licence verdict on its one line. */
function Verdict({ facts, t }: { facts?: RepoFacts | 'loading'; t: Translate }) {
  if (!facts || facts === 'loading') return null;
  return <LicenceVerdict licence={facts.licence} t={t} />;
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => u.toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
}

/** No OSPO: "No OSPO known for <country>." and, where one is known, the country's public code catalogue (popup too). */
export function NoOspo({ result, t, lang }: { result: LookupResult; t: Translate; lang: string }) {
  const o = result.organisation;
  return (
    <>
      {o && (o.country || o.international) ? t('noOspoKnown', whereLabel({ country: o.country, international: o.international }, t, lang)) : t('noOspo')}
      {result.publicCatalogue && (
        <>
          {' '}
          {t('publicCatalogue')}
          {colon(lang)}{' '}
          <a data-testid="public-catalogue" href={result.publicCatalogue.url} target="_blank" rel="noopener noreferrer">
            {result.publicCatalogue.label}
          </a>
        </>
      )}
    </>
  );
}
