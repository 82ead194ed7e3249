// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '@/components/Panel';
import type { LookupResult } from '@/lib/registry/lookup';

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
