import type { RepoFacts } from '@/lib/facts/repo-facts';
import type { AccountContact, LookupResult, Organisation } from '@/lib/registry/lookup';
import type { CatalogueKind, CatalogueLink } from '@/lib/registry/catalogue';
import type { Translate } from './i18n';
import { colon, plural } from './i18n';
import { LicenceDetails, LicenceLine, LicenceVerdict } from './LicenceLine';
import { placeFor, whereLabel } from './where';
import { formatMonth } from '@/lib/i18n/format';

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

/** GitHub's chevron octicons (16 px), drawn in the text colour: the forge's own sign for "opens". */
function Chevron({ open }: { open: boolean }) {
  return (
    <svg class="chevron" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
      {open ? (
        <path d="M12.78 5.22a.749.749 0 0 1 0 1.06l-4.25 4.25a.749.749 0 0 1-1.06 0L3.22 6.28a.749.749 0 1 1 1.06-1.06L8 8.939l3.72-3.719a.749.749 0 0 1 1.06 0Z" />
      ) : (
        <path d="M6.22 3.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.751.751 0 0 1-1.042-.018.751.751 0 0 1-.018-1.042L9.94 8 6.22 4.28a.75.75 0 0 1 0-1.06Z" />
      )}
    </svg>
  );
}

/** The body as the panel names it: its name, else the name its account gives itself, else its login. */
function shownName(o: Organisation, accountName?: string): string {
  return o.named ? o.name : (accountName ?? o.login);
}

/**
 * A short name for one line (the folded panel, the header badge): the acronym the name ends with ("(DINUM)"), the
 * name itself when short, else the account's login — never a URL. The full name is the element's title.
 */
export function shortName(o: Organisation, accountName?: string): string {
  const name = shownName(o, accountName);
  const acronym = /\(([A-Z][A-Za-z0-9&.-]{1,14})\)\s*$/.exec(name)?.[1];
  if (acronym) return acronym;
  if (name.length <= 28 || !o.named) return name;
  return o.login && !o.login.includes('.') ? o.login : name;
}

/** The injected panel. Test hooks (`data-testid`, `data-status`…) are a contract: see DESIGN.md §5. */
export function Panel({ result, t, footer, collapsed = false, onToggle, facts, mode = 'panel', accountName, accountContact, lang = 'en', audit }: PanelProps) {
  const { organisation } = result;
  if (!result.publicSector || !organisation) return facts ? <LicenceCard t={t} facts={facts} mode={mode} collapsed={collapsed} onToggle={onToggle} lang={lang} /> : null;
  const full = [shownName(organisation, accountName), whereLabel(organisation, t, lang)].filter(Boolean).join(' · ');
  if (mode === 'badge')
    return (
      <section class="badge-mode" lang={lang} data-testid="ospo-panel" data-status="public-sector" data-mode="badge" aria-label={t('panelLabel')}>
        <button type="button" class="badge-button" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle} title={full}>
          <span class="badge-label">{t('publicSector')}</span>
          <span class="badge-name">{shortName(organisation, accountName)}</span>
          <Chevron open={!collapsed} />
        </button>
        {!collapsed && (
          <div class="badge-body" id={BODY_ID}>
            <Summary result={result} t={t} facts={facts} footer={footer} lang={lang} accountName={accountName} contact={accountContact} audit={audit} />
          </div>
        )}
      </section>
    );
  return (
    <section class={collapsed ? 'panel collapsed' : 'panel'} lang={lang} data-testid="ospo-panel" data-status="public-sector" data-mode="panel" aria-labelledby={TITLE_ID}>
      <header class="head">
        <h2 class="heading" id={TITLE_ID}>
          {t('publicSector')}
          {collapsed && (
            <span class="short" title={full}>
              {' · '}
              {shortName(organisation, accountName)}
            </span>
          )}
        </h2>
        {collapsed && <Verdict facts={facts} t={t} lang={lang} />}
        {onToggle && (
          <button type="button" class="toggle" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle} title={t(collapsed ? 'expand' : 'collapse')}>
            <Chevron open={!collapsed} />
            <span class="sr">{t(collapsed ? 'expand' : 'collapse')}</span>
          </button>
        )}
      </header>
      {!collapsed && (
        <div id={BODY_ID}>
          <Summary result={result} t={t} facts={facts} footer={footer} lang={lang} accountName={accountName} contact={accountContact} audit={audit} />
        </div>
      )}
    </section>
  );
}

/** The body by its name (two lines at most, the whole in its title), then where it is. */
function Who({ result, t, accountName, lang }: { result: LookupResult; t: Translate; accountName?: string; lang: string }) {
  const o = result.organisation!;
  const where = whereLabel(o, t, lang);
  const shown = shownName(o, accountName);
  const notes = [
    o.named && o.selfNamed ? t('ownAccountName') : '',
    o.platform ? t('onPlatform', o.platform.name) : '',
    o.category === 'research-lab' ? t('researchLab') : '',
  ].filter(Boolean);
  return (
    <p class="who" title={[shown, ...notes, where].filter(Boolean).join(' · ')}>
      <span class="org" data-testid="org-name" data-named={String(o.named)}>
        {shown}
      </span>
      {/* No name in any list: the account's login, or the name it gives itself, said to be so; never a URL. */}
      {!o.named && (
        <span class="muted" data-testid="org-login">
          {' '}
          · {accountName ? `${o.login}, ${t('ownAccountName')}` : t('unnamedBody')}
        </span>
      )}
      {notes.length > 0 && <span class="muted"> · {notes.join(' · ')}</span>}
      {where && <span class="country"> · {where}</span>}
    </p>
  );
}

/** An office as one line, in the panel and the popup: what it is to the body (own, source-code contact, nearest), its name, its e-mail. */
export function OfficeLine({ ospo, t, lang, labelClass, nameClass }: { ospo: NonNullable<LookupResult['ospo']>; t: Translate; lang: string; labelClass: string; nameClass?: string }) {
  return (
    <>
      <span class={labelClass}>
        {ospo.scope === 'nearest' ? t('nearestOspo') : ospo.kind === 'contact' ? t('sourceContact') : t('ospo')}
        {colon(lang)}
      </span>{' '}
      <span data-testid="ospo-name" data-ospo-scope={ospo.scope} class={nameClass}>
        {ospo.name}
      </span>
      {ospo.email && (
        <>
          {' · '}
          <a data-testid="ospo-email" href={`mailto:${ospo.email}`}>
            {ospo.email}
          </a>
        </>
      )}
    </>
  );
}

/** Whom to contact: the body's own office, its source-code contact, the nearest office, or what its account publishes. */
function Contact({ result, t, lang, contact }: { result: LookupResult; t: Translate; lang: string; contact?: AccountContact }) {
  const { ospo } = result;
  const published = result.contact ?? contact;
  return (
    <div class="contact">
      {ospo ? (
        <div>
          <OfficeLine ospo={ospo} t={t} lang={lang} labelClass="label" nameClass="ospo-name" />
          {' · '}
          <a data-testid="ospo-url" href={ospo.url} target="_blank" rel="noopener noreferrer">
            {t('website')}
          </a>
          {ospo.scope === 'nearest' && <div class="muted small">{t('noOspo')}</div>}
        </div>
      ) : (
        <div class="label" data-testid="no-ospo">
          <NoOspo result={result} t={t} lang={lang} />
        </div>
      )}
      {published && <AccountContactLine contact={published} t={t} lang={lang} />}
    </div>
  );
}

/**
 * What the panel shows unfolded: who, whom to contact, the licence verdict; and behind one disclosure, what stands
 * behind them (what an open source office is, the body's policy, the licence rule, catalogues, sources and date).
 */
function Summary({ result, t, facts, footer, lang, accountName, contact, audit }: { result: LookupResult; t: Translate; facts?: RepoFacts | 'loading'; footer?: string; lang: string; accountName?: string; contact?: AccountContact; audit?: PanelProps['audit'] }) {
  const { organisation, ospo } = result;
  const publiccode = facts && facts !== 'loading' ? facts.publiccode : undefined;
  const catalogue: CatalogueLink[] = publiccode ? [...result.catalogue, { kind: 'publiccode', url: publiccode.url }] : result.catalogue;
  // The policy once: not again when it is the office's own website.
  const policyUrl = organisation?.flossPolicy ?? ospo?.policy;
  const policy = policyUrl && !(ospo && sameUrl(policyUrl, ospo.url)) ? policyUrl : undefined;
  // "Report an error" stands apart from the catalogues (last, at the end of the row): it opens the source's page.
  const links = [...catalogue.filter((c) => c.kind !== 'registry-entry'), ...catalogue.filter((c) => c.kind === 'registry-entry')];
  return (
    <div class="body">
      <Who result={result} t={t} accountName={accountName} lang={lang} />
      <Contact result={result} t={t} lang={lang} contact={contact} />
      <LicenceLine facts={facts} t={t} lang={lang} />
      {audit && (
        <button type="button" class="audit-link" data-testid="audit-link" onClick={audit.onOpen}>
          {audit.count === undefined ? t('auditLinkAll') : plural(t, 'auditLink', audit.count, lang)}
        </button>
      )}
      <details class="more">
        <summary>{t('moreAbout')}</summary>
        <div class="more-body">
          <p class="muted">{t('ospoExpansion')}</p>
          {(organisation?.openSourcePage || policy) && (
            <ul class="policies">
              {organisation?.openSourcePage && (
                <li>
                  <a data-testid="open-source-page" href={organisation.openSourcePage} target="_blank" rel="noopener noreferrer">
                    {t('openSourcePage')}
                  </a>
                </li>
              )}
              {policy && (
                <li>
                  <a data-testid="floss-policy" href={policy} target="_blank" rel="noopener noreferrer">
                    {t('flossPolicy')}
                  </a>
                </li>
              )}
            </ul>
          )}
          <LicenceDetails facts={facts} t={t} lang={lang} />
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
      </details>
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

/** The licence card alone, for a repository that is not in the registry (the "everywhere" option). */
function LicenceCard({ t, facts, mode, collapsed, onToggle, lang }: { t: Translate; facts: RepoFacts | 'loading'; mode: 'panel' | 'badge'; collapsed: boolean; onToggle?: (event: Event) => void; lang: string }) {
  if (mode === 'badge')
    return (
      <section class="badge-mode" lang={lang} data-testid="ospo-panel" data-status="not-listed" data-mode="badge" aria-label={t('panelLabel')}>
        <button type="button" class="badge-button" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle}>
          <span class="badge-name">{t('licenceLabel')}</span>
          <Chevron open={!collapsed} />
        </button>
        {!collapsed && (
          <div class="badge-body body" id={BODY_ID}>
            <LicenceLine facts={facts} t={t} lang={lang} />
            <LicenceDetails facts={facts} t={t} lang={lang} />
          </div>
        )}
      </section>
    );
  return (
    <section class="panel" lang={lang} data-testid="ospo-panel" data-status="not-listed" data-mode="panel" aria-label={t('panelLabel')}>
      <header class="head">
        <h2 class="heading">{t('popupNotListed')}</h2>
      </header>
      <div class="body">
        <LicenceLine facts={facts} t={t} lang={lang} />
        <LicenceDetails facts={facts} t={t} lang={lang} />
      </div>
    </section>
  );
}

/** The folded panel keeps the licence verdict on its one line. */
function Verdict({ facts, t, lang }: { facts?: RepoFacts | 'loading'; t: Translate; lang: string }) {
  if (!facts || facts === 'loading') return null;
  return <LicenceVerdict licence={facts.licence} t={t} lang={lang} />;
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => u.toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
}

/** No OSPO: "No open source office known for <country>." and, where one is known, the country's public code catalogue (popup too). */
export function NoOspo({ result, t, lang }: { result: LookupResult; t: Translate; lang: string }) {
  const o = result.organisation;
  return (
    <>
      {o && (o.country || o.international) ? t('noOspoKnown', placeFor(o, t, lang)) : t('noOspo')}
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
