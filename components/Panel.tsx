import type { ComponentChildren } from 'preact';
import type { RepoFacts } from '@/lib/facts/repo-facts';
import type { LookupResult } from '@/lib/registry/lookup';
import type { CatalogueKind, CatalogueLink } from '@/lib/registry/catalogue';
import type { Translate } from './i18n';
import { LicenceLine } from './LicenceLine';
import { whereLabel } from './where';

export interface PanelProps {
  result: LookupResult;
  t: Translate;
  /** "code.gouv.fr, FLOSS-PSO · updated 2 days ago": where the answer came from. */
  footer?: string;
  collapsed?: boolean;
  onToggle?: () => void;
  /** Licence and publiccode.yml of a repository, once the background has them. */
  facts?: RepoFacts | 'loading';
  /**
   * `panel`: the whole panel, in a sidebar. `badge`: one compact button in a page header (or a corner), which
   * opens the panel below it; `collapsed` is then "closed". DESIGN.md §5: `data-mode` says which.
   */
  mode?: 'panel' | 'badge';
  /** The name an unnamed body's account gives itself on its forge (shown as such, with its login). */
  accountName?: string;
  /** UI language, for country names. */
  lang?: string;
}

const CATALOGUE_LABEL: Record<CatalogueKind, string> = {
  'code-gouv-fr': 'catalogue_code_gouv_fr',
  sill: 'catalogue_sill',
  'software-heritage': 'catalogue_software_heritage',
  publiccode: 'catalogue_publiccode',
  'registry-entry': 'catalogue_registry_entry',
};

const BODY_ID = 'ospo-lens-body';

/** The injected panel. Test hooks (`data-testid`, `data-status`…) are a contract: see DESIGN.md §5. */
export function Panel({ result, t, footer, collapsed = false, onToggle, facts, mode = 'panel', accountName, lang = 'en' }: PanelProps) {
  const { organisation } = result;
  if (!result.publicSector || !organisation) return facts ? <LicenceCard t={t} facts={facts} mode={mode} collapsed={collapsed} onToggle={onToggle} /> : null;
  if (mode === 'badge')
    return (
      <section class="panel badge-mode" data-testid="ospo-panel" data-status="public-sector" data-mode="badge" aria-label={t('panelLabel')}>
        <button type="button" class="badge-button" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle} title={organisation.name}>
          <span class="badge">{t('publicSector')}</span>
          <span class="badge-name">{organisation.name}</span>
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
        {!collapsed && (
          <div class="badge-body" id={BODY_ID}>
            <Head result={result} t={t} accountName={accountName} lang={lang} />
            <Body result={result} t={t} facts={facts} footer={footer} lang={lang} />
          </div>
        )}
      </section>
    );
  return (
    <section class="panel" data-testid="ospo-panel" data-status="public-sector" data-mode="panel" aria-label={t('panelLabel')}>
      <Head result={result} t={t} accountName={accountName} lang={lang}>
        {onToggle && (
          <button type="button" class="toggle" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle} title={t(collapsed ? 'expand' : 'collapse')}>
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
            <span class="sr">{t(collapsed ? 'expand' : 'collapse')}</span>
          </button>
        )}
      </Head>
      {!collapsed && (
        <div id={BODY_ID}>
          <Body result={result} t={t} facts={facts} footer={footer} lang={lang} />
        </div>
      )}
    </section>
  );
}

function Head({ result, t, children, accountName, lang }: { result: LookupResult; t: Translate; children?: ComponentChildren; accountName?: string; lang: string }) {
  const organisation = result.organisation!;
  const where = whereLabel(organisation, t, lang);
  return (
    <header class="head">
      <span class="badge">{t('publicSector')}</span>
      <span class="org" data-testid="org-name" data-named={String(organisation.named)}>
        {organisation.named ? organisation.name : (accountName ?? organisation.login)}
      </span>
      {/* No name in any list: the account's login, or the name it gives itself, said to be so; never a URL. */}
      {!organisation.named && (
        <span class="muted" data-testid="org-login">
          · {accountName ? `${organisation.login}, ${t('ownAccountName')}` : t('unnamedBody')}
        </span>
      )}
      {where && <span class="country">({where})</span>}
      {children}
    </header>
  );
}

/** OSPO, licence, catalogues and footer: the same in the sidebar panel and in an opened badge. */
function Body({ result, t, facts, footer, lang }: { result: LookupResult; t: Translate; facts?: RepoFacts | 'loading'; footer?: string; lang: string }) {
  const { organisation, ospo } = result;
  const publiccode = facts && facts !== 'loading' ? facts.publiccode : undefined;
  const catalogue: CatalogueLink[] = publiccode ? [...result.catalogue, { kind: 'publiccode', url: publiccode.url }] : result.catalogue;
  return (
    <div class="body">
      <div class="ospo">
        {ospo ? (
          <>
            <div class="label">{ospo.scope === 'nearest' ? <>{t('noOspo')} <strong>{t('nearestOspo')}</strong></> : t(ospo.kind === 'contact' ? 'sourceContact' : 'ospo')}</div>
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
            {organisation && (organisation.country || organisation.international) ? t('noOspoKnown', whereLabel({ country: organisation.country, international: organisation.international }, t, lang)) : t('noOspo')}
            {result.publicCatalogue && (
              <>
                {' '}
                {t('publicCatalogue')}:{' '}
                <a data-testid="public-catalogue" href={result.publicCatalogue.url} target="_blank" rel="noopener noreferrer">
                  {result.publicCatalogue.label}
                </a>
              </>
            )}
          </div>
        )}
        {organisation?.openSourcePage && (
          <a data-testid="open-source-page" href={organisation.openSourcePage} target="_blank" rel="noopener noreferrer">
            {t('openSourcePage')}
          </a>
        )}
        {(organisation?.flossPolicy ?? ospo?.policy) && (
          <a data-testid="floss-policy" href={organisation?.flossPolicy ?? ospo?.policy} target="_blank" rel="noopener noreferrer">
            {t('flossPolicy')}
          </a>
        )}
      </div>
      <LicenceLine facts={facts} t={t} lang={lang} />
      <nav class="catalogues" data-testid="catalogue-links" aria-label={t('catalogues')}>
        <span class="label">{t('catalogues')}:</span>
        {catalogue.map((c) => (
          <a key={c.kind} data-catalogue={c.kind} href={c.url} target="_blank" rel="noopener noreferrer">
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
          {t('registryFooter', footer)}
        </footer>
      )}
    </div>
  );
}

/** The licence card alone, for a repository that is not in the registry (the "everywhere" option). */
function LicenceCard({ t, facts, mode, collapsed, onToggle }: { t: Translate; facts: RepoFacts | 'loading'; mode: 'panel' | 'badge'; collapsed: boolean; onToggle?: () => void }) {
  if (mode === 'badge')
    return (
      <section class="panel badge-mode" data-testid="ospo-panel" data-status="not-listed" data-mode="badge" aria-label={t('panelLabel')}>
        <button type="button" class="badge-button" aria-expanded={!collapsed} aria-controls={BODY_ID} onClick={onToggle}>
          <span class="badge-name">{t('licenceLabel')}</span>
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
        </button>
        {!collapsed && (
          <div class="badge-body body" id={BODY_ID}>
            <LicenceLine facts={facts} t={t} />
          </div>
        )}
      </section>
    );
  return (
    <section class="panel" data-testid="ospo-panel" data-status="not-listed" data-mode="panel" aria-label={t('panelLabel')}>
      <header class="head">
        <span class="label">{t('popupNotListed')}</span>
      </header>
      <div class="body">
        <LicenceLine facts={facts} t={t} />
      </div>
    </section>
  );
}
