// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnableForge } from '@/components/EnableForge';
import { ForgeSettings } from '@/components/ForgeSettings';
import { Popup } from '@/components/Popup';
import type { LookupResult } from '@/lib/registry/lookup';

const t = (key: string, subs?: string | string[]) => (subs ? `${key}(${[subs].flat().join('|')})` : key);
const other: LookupResult = { url: 'https://gitlab.inria.fr/explore', forge: 'gitlab', host: 'gitlab.inria.fr', path: '', kind: 'other', publicSector: false, organisation: null, ospo: null, catalogue: [], matchedKey: null };

describe('<Popup> and the forge opt-in', () => {
  afterEach(cleanup);
  it('offers to show panels on a known public forge, and asks on click', () => {
    const onEnable = vi.fn();
    const { getByTestId, container } = render(
      <Popup state={{ status: 'ready', result: other }} t={t} extra={<EnableForge forge={{ host: 'gitlab.inria.fr', forge: 'gitlab', whole: true, name: 'Inria' }} enabled={false} t={t} onEnable={onEnable} />} />,
    );
    expect(getByTestId('popup').getAttribute('data-status')).toBe('not-repository');
    expect(container.textContent).toContain('forgeOfBody(gitlab.inria.fr|Inria)');
    fireEvent.click(getByTestId('enable-forge'));
    expect(onEnable).toHaveBeenCalledOnce();
  });

  it('says when the prompt was refused, and when panels are on', () => {
    const forge = { host: 'framagit.org', forge: 'gitlab', whole: false };
    const refused = render(<EnableForge forge={forge} enabled={false} t={t} onEnable={() => undefined} denied />);
    expect(refused.container.textContent).toContain('forgeWithPublicGroups(framagit.org)');
    expect(refused.getByRole('alert').textContent).toBe('enableDenied');
    cleanup();
    const on = render(<EnableForge forge={forge} enabled t={t} onEnable={() => undefined} />);
    expect(on.getByRole('status').textContent).toBe('enabledHere(framagit.org)');
    expect(on.queryByTestId('enable-forge')).toBeNull();
  });

  it('a switch per known forge (on for the enabled ones), and offers the rest at once', () => {
    const onRemove = vi.fn();
    const onEnable = vi.fn();
    const onEnableAll = vi.fn();
    const known = ['gitlab.inria.fr', 'forgemia.inra.fr', 'plmlab.math.cnrs.fr'].map((host) => ({ host, forge: 'gitlab', whole: true }));
    const { getByRole, getByTestId, queryByTestId } = render(<ForgeSettings enabled={['gitlab.inria.fr']} known={known} t={t} onRemove={onRemove} onEnable={onEnable} onEnableAll={onEnableAll} />);
    expect(getByTestId('enabled-forges').textContent).toBe('github.com, gitlab.com, gitlab.inria.fr');
    const inria = getByRole('switch', { name: 'gitlab.inria.fr' }) as HTMLInputElement;
    expect(inria.checked).toBe(true);
    fireEvent.click(inria);
    expect(onRemove).toHaveBeenCalledWith('gitlab.inria.fr');
    fireEvent.click(getByRole('switch', { name: 'forgemia.inra.fr' }));
    expect(onEnable).toHaveBeenCalledWith('forgemia.inra.fr');
    expect(queryByTestId('forge-filter')).toBeNull(); // a short list needs no filter
    expect(getByTestId('enable-all').textContent).toBe('enableAllForges_other(2)');
    // The first click lists every site the browser will be asked for; only the second asks, for exactly those.
    fireEvent.click(getByTestId('enable-all'));
    expect(onEnableAll).not.toHaveBeenCalled();
    expect([...getByTestId('enable-all-list').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['forgemia.inra.fr', 'plmlab.math.cnrs.fr']);
    fireEvent.click(getByTestId('enable-all-confirm'));
    expect(onEnableAll).toHaveBeenCalledWith(['forgemia.inra.fr', 'plmlab.math.cnrs.fr']);
  });

  it('never offers a host from the data that is not a plain host name (wildcards, IPs, ports, spaces)', () => {
    const hostile = ['*', '*.gouv.fr', '10.0.0.1', 'gitlab.example.org:8443', 'git lab.example.org', 'forge.example.org'].map((host) => ({ host, forge: 'gitlab', whole: true }));
    const onEnableAll = vi.fn();
    const { getByTestId } = render(<ForgeSettings enabled={[]} known={hostile} t={t} onRemove={() => undefined} onEnableAll={onEnableAll} />);
    fireEvent.click(getByTestId('enable-all'));
    fireEvent.click(getByTestId('enable-all-confirm'));
    expect(onEnableAll).toHaveBeenCalledWith(['forge.example.org']);
  });

  it('more than 20 forges: a filter, by host or by the body that runs it', () => {
    const known = Array.from({ length: 25 }, (_, i) => ({ host: `gitlab${i}.example.org`, forge: 'gitlab', whole: true, name: i === 7 ? 'Inria' : `Body ${i}` }));
    const { getByTestId } = render(<ForgeSettings enabled={[]} known={known} t={t} onRemove={() => undefined} onEnableAll={() => undefined} />);
    expect(getByTestId('known-forges').querySelectorAll('li')).toHaveLength(25);
    fireEvent.input(getByTestId('forge-filter'), { target: { value: 'inria' } });
    expect([...getByTestId('known-forges').querySelectorAll('li')].map((li) => li.getAttribute('data-host'))).toEqual(['gitlab7.example.org']);
  });

  it('shows an error state instead of a blank', () => {
    const { getByRole } = render(<Popup state={{ status: 'error', message: 'no answer from the background' }} t={t} />);
    expect(getByRole('alert').textContent).toBe('popupError(no answer from the background)');
  });
});
