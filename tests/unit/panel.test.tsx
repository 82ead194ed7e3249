// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel, shortName } from '@/components/Panel';
import type { LookupResult } from '@/lib/registry/lookup';
import type { LicenceFacts } from '@/lib/facts/merge';

const t = (key: string, subs?: string | string[]) => (subs ? `${key}:${[subs].flat().join(',')}` : key);

const IGN: LookupResult = {
  url: 'https://github.com/IGNF/itowns',
  forge: 'github',
  host: 'github.com',
  path: 'IGNF/itowns',
  kind: 'repository',
  publicSector: true,
  organisation: { name: 'IGN <b>bold</b>', named: true, login: 'IGNF', country: 'FR', account: 'https://github.com/ignf' },
  ospo: { name: "OSPO de l'IGN", email: 'opensource@ign.fr', url: 'https://www.ign.fr/ospo', scope: 'own' },
  catalogue: [
    { kind: 'code-gouv-fr', url: 'https://code.gouv.fr/sources/?q=IGNF' },
    { kind: 'registry-entry', url: 'https://github.com/codegouvfr/codegouvfr-data' },
  ],
  matchedKey: 'github.com/ignf',
};

describe('<Panel>', () => {
  afterEach(cleanup);
  it('renders the test hooks of DESIGN.md §5', () => {
    const { container } = render(<Panel result={IGN} t={t} />);
    const root = container.querySelector('[data-testid="ospo-panel"]')!;
    expect(root.getAttribute('data-status')).toBe('public-sector');
    expect(root.querySelector('[data-testid="ospo-email"]')?.getAttribute('href')).toBe('mailto:opensource@ign.fr');
    expect(root.querySelector('[data-testid="ospo-name"]')?.getAttribute('data-ospo-scope')).toBe('own');
    expect([...root.querySelectorAll('[data-catalogue]')].map((a) => a.getAttribute('data-catalogue'))).toEqual(['code-gouv-fr', 'registry-entry']);
  });

  it('renders names as text, never as markup', () => {
    const { container } = render(<Panel result={IGN} t={t} />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('[data-testid="org-name"]')?.textContent).toBe('IGN <b>bold</b>');
  });

  it('labels a nearest OSPO as not the body’s own', () => {
    const { container } = render(<Panel result={{ ...IGN, ospo: { ...IGN.ospo!, scope: 'nearest' } }} t={t} />);
    expect(container.textContent).toContain('noOspo');
    expect(container.textContent).toContain('nearestOspo');
    expect(container.querySelector('[data-testid="ospo-name"]')?.getAttribute('data-ospo-scope')).toBe('nearest');
  });

  it('says so when there is no OSPO at all', () => {
    const { container } = render(<Panel result={{ ...IGN, ospo: null }} t={t} />);
    expect(container.querySelector('[data-testid="ospo-name"]')).toBeNull();
    expect(container.textContent).toContain('noOspo');
  });

  it('renders nothing for a page that is not public-sector', () => {
    const { container } = render(<Panel result={{ ...IGN, publicSector: false, organisation: null }} t={t} />);
    expect(container.innerHTML).toBe('');
  });

  it('collapses with a keyboard-operable button that reports its state', () => {
    let collapsed = false;
    const { container, rerender } = render(<Panel result={IGN} t={t} collapsed={collapsed} onToggle={() => (collapsed = !collapsed)} />);
    const button = container.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(button);
    rerender(<Panel result={IGN} t={t} collapsed={collapsed} onToggle={() => (collapsed = !collapsed)} />);
    expect(container.querySelector('button')!.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('[data-testid="ospo-name"]')).toBeNull();
  });
});

describe('<Panel>: compact, honest, in the language it is written in', () => {
  afterEach(cleanup);
  const licence: LicenceFacts = { state: 'ok', input: 'MIT license', spdx: 'MIT', status: 'osi', kind: 'permissive', osi: true, fsf: true, source: 'page' };

  it('carries lang, a section heading like the forge’s own, the body’s name full width (as text), and a 24 px toggle that controls the body', () => {
    const { container, getByRole, getByTestId } = render(<Panel result={IGN} t={t} lang="fr" onToggle={() => undefined} />);
    expect(container.querySelector('[data-testid="ospo-panel"]')!.getAttribute('lang')).toBe('fr');
    expect(getByRole('heading', { level: 2 }).textContent).toBe('publicSector');
    expect(getByTestId('org-name').textContent).toContain('IGN <b>bold</b>');
    expect(getByTestId('org-name').closest('.who')!.getAttribute('title')).toContain('IGN <b>bold</b>');
    const toggle = getByRole('button', { name: 'collapse' });
    expect(toggle.getAttribute('aria-controls')).toBe(container.querySelector('[id="ospo-lens-body"]')!.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('folded: one line that keeps the licence verdict', () => {
    const { container, getByTestId } = render(<Panel result={IGN} t={t} collapsed onToggle={() => undefined} facts={{ licence }} />);
    expect(container.querySelector('.panel')!.classList.contains('collapsed')).toBe(true);
    expect(getByTestId('licence-verdict').getAttribute('data-status')).toBe('osi');
    expect(getByTestId('licence-verdict').textContent).toContain('MIT');
    expect(container.querySelector('#ospo-lens-body')).toBeNull();
  });

  it('explains OSPO, shows a policy that is the OSPO site only once, and puts "Report an error" last', () => {
    const result: LookupResult = {
      ...IGN,
      ospo: { ...IGN.ospo!, policy: 'https://www.ign.fr/ospo/' },
      catalogue: [IGN.catalogue[1]!, IGN.catalogue[0]!],
    };
    const { container } = render(<Panel result={result} t={t} />);
    // What an open source office is: said in words, one keyboard step away (the disclosure's summary), never a hover title.
    const more = container.querySelector('details.more')!;
    expect(more.hasAttribute('open')).toBe(false);
    expect(more.querySelector('summary')!.textContent).toBe('moreAbout');
    expect(more.querySelector('.more-body p')!.textContent).toBe('ospoExpansion');
    expect(container.querySelector('abbr')).toBeNull();
    expect(container.querySelector('[data-testid="floss-policy"]')).toBeNull();
    const links = [...container.querySelectorAll('[data-testid="catalogue-links"] a')];
    expect(links.map((a) => a.getAttribute('data-catalogue'))).toEqual(['code-gouv-fr', 'registry-entry']);
    expect(links.at(-1)!.classList.contains('report')).toBe(true);
  });

  it('French labels take a narrow no-break space before their colon', () => {
    const { getByTestId } = render(<Panel result={IGN} t={t} lang="fr" />);
    expect(getByTestId('catalogue-links').querySelector('.label')!.textContent).toBe('catalogues\u202f:');
    cleanup();
    const en = render(<Panel result={IGN} t={t} lang="en" />);
    expect(en.getByTestId('catalogue-links').querySelector('.label')!.textContent).toBe('catalogues:');
  });
});

describe('shortName: one line that still says whose code it is (the folded panel, the header badge)', () => {
  const org = (name: string, login: string, named = true) => ({ name, login, named, account: `https://github.com/${login}` });
  it.each([
    ['Direction interministérielle du numérique (DINUM)', 'DISIC', 'DINUM'],
    ['Ville de Paris', 'lutece-secteur-public', 'Ville de Paris'],
    ["Institut national de l'information géographique et forestière", 'IGNF', 'IGNF'],
    ['Institut national de la statistique et des études économiques (Insee) - Direction générale', 'InseeFrLab', 'InseeFrLab'],
  ])('%s (%s) → %s', (name, login, short) => expect(shortName(org(name, login))).toBe(short));
  it('an unnamed body: its login, or the name its account gives itself', () => {
    expect(shortName(org('CamdenCouncil', 'CamdenCouncil', false))).toBe('CamdenCouncil');
    expect(shortName(org('CamdenCouncil', 'CamdenCouncil', false), 'London Borough of Camden')).toBe('London Borough of Camden');
  });
});
