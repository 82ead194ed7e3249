import type { RepoFacts } from '@/lib/facts/repo-facts';
import type { LookupResult } from '@/lib/registry/lookup';
import type { CatalogueKind, CatalogueLink } from '@/lib/registry/catalogue';
import type { Translate } from './i18n';
import { LicenceLine } from './LicenceLine';

export interface PanelProps {
  result: LookupResult;
  t: Translate;
  /** "code.gouv.fr, FLOSS-PSO · updated 2 days ago": where the answer came from. */
  footer?: string;
  collapsed?: boolean;
  onToggle?: () => void;
  /** Licence and publiccode.yml of a repository, once the background has them. */
  facts?: RepoFacts | 'loading';
}

const CATALOGUE_LABEL: Record<CatalogueKind, string> = {
  'code-gouv-fr': 'catalogue_code_gouv_fr',
  sill: 'catalogue_sill',
  'software-heritage': 'catalogue_software_heritage',
  publiccode: 'catalogue_publiccode',
  'registry-entry': 'catalogue_registry_entry',
};

/** The injected panel. Test hooks (`data-testid`, `data-status`…) are a contract: see DESIGN.md §5. */
export function Panel({ result, t, footer, collapsed = false, onToggle, facts }: PanelProps) {
  const { organisation, ospo } = result;
  if (!result.publicSector || !organisation) return facts ? <LicenceCard t={t} facts={facts} /> : null;
  const publiccode = facts && facts !== 'loading' ? facts.publiccode : undefined;
  const catalogue: CatalogueLink[] = publiccode ? [...result.catalogue, { kind: 'publiccode', url: publiccode.url }] : result.catalogue;
  return (
    <section class="panel" data-testid="ospo-panel" data-status="public-sector" aria-label={t('panelLabel')}>
      <header class="head">
        <span class="badge">{t('publicSector')}</span>
        <span class="org" data-testid="org-name">
          {organisation.name}
        </span>
        <span class="country">({organisation.country})</span>
        {onToggle && (
          <button type="button" class="toggle" aria-expanded={!collapsed} onClick={onToggle} title={t(collapsed ? 'expand' : 'collapse')}>
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
            <span class="sr">{t(collapsed ? 'expand' : 'collapse')}</span>
          </button>
        )}
      </header>
      {!collapsed && (
        <div class="body">
          <div class="ospo">
            {ospo ? (
              <>
                <div class="label">{ospo.scope === 'nearest' ? <>{t('noOspo')} <strong>{t('nearestOspo')}</strong></> : t('ospo')}</div>
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
              <div class="label">{t('noOspo')}</div>
            )}
            {(organisation.flossPolicy ?? ospo?.policy) && (
              <a data-testid="floss-policy" href={organisation.flossPolicy ?? ospo?.policy} target="_blank" rel="noopener noreferrer">
                {t('flossPolicy')}
              </a>
            )}
          </div>
          <LicenceLine facts={facts} t={t} />
          <nav class="catalogues" data-testid="catalogue-links" aria-label={t('catalogues')}>
            <span class="label">{t('catalogues')}:</span>
            {catalogue.map((c) => (
              <a key={c.kind} data-catalogue={c.kind} href={c.url} target="_blank" rel="noopener noreferrer">
                {t(CATALOGUE_LABEL[c.kind])}
              </a>
            ))}
          </nav>
          {footer && (
            <footer class="foot" data-testid="registry-footer">
              {t('registryFooter', footer)}
            </footer>
          )}
        </div>
      )}
    </section>
  );
}

/** The licence card alone, for a repository that is not in the registry (the "everywhere" option). */
function LicenceCard({ t, facts }: { t: Translate; facts: RepoFacts | 'loading' }) {
  return (
    <section class="panel" data-testid="ospo-panel" data-status="not-listed" aria-label={t('panelLabel')}>
      <header class="head">
        <span class="label">{t('popupNotListed')}</span>
      </header>
      <div class="body">
        <LicenceLine facts={facts} t={t} />
      </div>
    </section>
  );
}
