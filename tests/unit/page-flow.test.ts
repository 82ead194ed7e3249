import { beforeEach, describe, expect, it } from 'vitest';
import { FIRST_PAINT_WAIT_MS, createPageFlow, identityOf, type PageFlowDeps, type PanelView } from '@/lib/content/page-flow';
import { parsePageUrl } from '@/lib/forges';
import type { Detection, PageLayout } from '@/lib/forges/detect';
import type { LicenceFacts } from '@/lib/facts/merge';
import type { LookupResult } from '@/lib/registry/lookup';

/** The content script's page flow, without a browser: a fake page, a fake background and a view that records. */
function answer(url: string, publicSector: boolean): LookupResult {
  const ref = parsePageUrl(url);
  return {
    url,
    forge: ref.forge,
    host: ref.host,
    path: ref.path,
    kind: ref.kind,
    publicSector,
    organisation: publicSector ? { name: 'IGN', named: true, login: 'IGNF', country: 'FR', account: 'https://github.com/IGNF' } : null,
    ospo: publicSector ? { name: "OSPO de l'IGN", email: 'opensource@ign.fr', url: 'https://www.ign.fr', scope: 'own' } : null,
    catalogue: [],
    matchedKey: publicSector ? 'github.com/ignf' : null,
  };
}

const MIT: LicenceFacts = { input: 'MIT', spdx: 'MIT', status: 'allowed', kind: 'permissive', osi: true, fsf: true, source: 'page', state: 'ok' };

describe('page flow', () => {
  let href: string;
  let visibility: Detection['visibility'];
  let settings: { privateRepos: boolean; licenceEverywhere: boolean; panelsHidden?: boolean };
  let log: string[];
  let attached: boolean;
  let factsAsked: Array<{ url: string; licence: unknown }>;
  let lookupDelay: Record<string, number>;
  let publiccodeDelay: number;
  let shownName: string | undefined;
  let profileAsked: Array<{ url: string; shown: unknown }>;
  const publicOwners = new Set(['ignf']);

  const view: PanelView = {
    show: (r, placement, facts, footer) => {
      attached = true;
      log.push(`show ${r.path} ${placement.mode}${facts === 'loading' ? ' loading' : facts ? ` licence ${facts.spdx ?? 'none'}` : ''}${footer ? ` footer ${footer}` : ''}`);
    },
    setLicence: (l) => void log.push(`licence ${l?.spdx ?? 'none'}`),
    setPubliccode: (pc) => void log.push(`publiccode ${pc?.name ?? 'none'}`),
    setProfile: (p) => void log.push(`account name ${p?.name ?? 'none'}${p?.contact ? ` contact ${p.contact.email}` : ''}`),
    setFooter: (f) => void log.push(`footer ${f}`),
    remove: () => {
      attached = false;
      log.push('remove');
    },
    isAttached: () => attached,
  };

  function detection(url: string): Detection {
    const ref = parsePageUrl(url);
    const sub = new URL(url).pathname.split('/').filter(Boolean).length > 2;
    return { ref, answer: ref.kind === 'other' ? 'no' : 'yes', kind: ref.kind, view: ref.kind === 'organisation' ? 'organisation' : sub ? 'subpage' : 'home', visibility };
  }

  const deps = (): PageFlowDeps => ({
    href: () => href,
    detect: () => detection(href),
    confirm: async () => detection(href),
    isLoading: () => false,
    domReady: async () => undefined,
    layout: (page): PageLayout =>
      page.view === 'home'
        ? { era: undefined, placement: { mode: 'panel', era: 'github-2026-07-react-sidebar', anchor: '.x', insert: 'before' }, licence: { state: 'named', text: 'MIT license', from: 'github-2026-07-react-sidebar' } }
        : { era: undefined, placement: { mode: 'badge', era: 'github-repo-header', anchor: '.y', insert: 'append' } },
    lookup: async (url) => {
      await new Promise((r) => setTimeout(r, lookupDelay[url] ?? 1));
      return answer(url, publicOwners.has(parsePageUrl(url).path.split('/')[0]!.toLowerCase()));
    },
    licence: async (url, licence) => {
      factsAsked.push({ url, licence });
      return MIT;
    },
    publiccode: async () => {
      await new Promise((r) => setTimeout(r, publiccodeDelay));
      return null;
    },
    footer: async () => 'code.gouv.fr · bundled',
    accountProfile: async (url, shown) => {
      profileAsked.push({ url, shown });
      return { name: shown?.name ?? 'Own name from the forge', contact: { email: 'it@body.example.org', from: 'forge-profile' } };
    },
    projectVisibility: async () => 'not-public',
    shownProfile: () => (shownName ? { name: shownName } : undefined),
    settings: async () => settings,
    pageState: (publicSector, name) => void log.push(`badge ${publicSector}${name ? ` ${name}` : ''}`),
    valid: () => true,
    view,
  });

  beforeEach(() => {
    href = 'https://github.com/IGNF/itowns';
    visibility = 'public';
    settings = { privateRepos: false, licenceEverywhere: false };
    log = [];
    attached = false;
    factsAsked = [];
    lookupDelay = {};
    publiccodeDelay = 1;
    shownName = undefined;
    profileAsked = [];
  });

  it('a public body’s repository home: one paint — the panel in the sidebar with the licence the page shows and its footer', async () => {
    const flow = createPageFlow(deps());
    await flow.update();
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['badge true IGN', 'show IGNF/itowns panel licence MIT footer code.gouv.fr · bundled', 'publiccode none']);
    expect(factsAsked).toEqual([{ url: href, licence: { state: 'named', text: 'MIT license', from: 'github-2026-07-react-sidebar' } }]);
    expect(flow.state()).toBe('shown');
  });

  it('a home whose file list shows no publiccode.yml asks nothing for it; one that lists it, or shows no list, does', async () => {
    let asked = 0;
    const withFiles = (names: string[] | undefined): PageFlowDeps => ({
      ...deps(),
      layout: (page) => ({ ...deps().layout(page), ...(names ? { files: { names, from: 'payload' as const } } : {}) }),
      publiccode: async () => {
        asked++;
        return null;
      },
    });
    await createPageFlow(withFiles(['README.md', 'LICENSE', 'src'])).update();
    expect(asked).toBe(0);
    expect(log).toContain('publiccode none');
    await createPageFlow(withFiles(['README.md', 'publiccode.yml'])).update();
    expect(asked).toBe(1);
    await createPageFlow(withFiles(undefined)).update();
    expect(asked).toBe(2);
  });

  it('a public body the registry lacks a name or a contact for: what its account publishes, from the page when it shows it', async () => {
    await createPageFlow(deps()).update(); // IGN: named, with its own OSPO
    expect(profileAsked).toEqual([]);
    const noContact: PageFlowDeps = { ...deps(), lookup: async (url) => ({ ...answer(url, true), ospo: null }) };
    shownName = 'Shown on the page';
    await createPageFlow(noContact).update();
    await new Promise((r) => setTimeout(r, 5));
    expect(profileAsked).toEqual([{ url: href, shown: { name: 'Shown on the page' } }]);
    expect(log).toContain('account name Shown on the page contact it@body.example.org');
  });

  it('a sub-page gets the header badge, and nothing the page did not show is claimed about the licence', async () => {
    href = 'https://github.com/IGNF/itowns/blob/main/README.md';
    await createPageFlow(deps()).update();
    expect(log[1]).toBe('show IGNF/itowns badge loading footer code.gouv.fr · bundled');
    expect(log).toContain('licence MIT');
    expect(factsAsked[0]!.licence).toBeUndefined();
  });

  it('what the background is slow to say never holds the panel back: past FIRST_PAINT_WAIT_MS it comes after', async () => {
    const slow: PageFlowDeps = { ...deps(), footer: () => new Promise((done) => setTimeout(() => done('late footer'), FIRST_PAINT_WAIT_MS + 50)) };
    const started = Date.now();
    await createPageFlow(slow).update();
    expect(Date.now() - started).toBeLessThan(FIRST_PAINT_WAIT_MS + 40);
    expect(log[1]).toBe('show IGNF/itowns panel licence MIT');
    await new Promise((r) => setTimeout(r, 80));
    expect(log).toContain('footer late footer');
  });

  it('while the page still parses, the footer is asked, once, before DOMContentLoaded; the panel is rendered only after it', async () => {
    let parsing = true;
    const events: string[] = [];
    const loading: PageFlowDeps = {
      ...deps(),
      isLoading: () => parsing,
      domReady: async () => {
        events.push('DOMContentLoaded');
        log.push('DOMContentLoaded');
        parsing = false;
      },
      footer: async () => {
        events.push('footer asked');
        return 'code.gouv.fr · bundled';
      },
    };
    await createPageFlow(loading).update();
    expect(events).toEqual(['footer asked', 'DOMContentLoaded']);
    // Nothing of the panel while the page parses (#23: a render then delayed the page's DOMContentLoaded).
    expect(log[0]).toBe('DOMContentLoaded');
    expect(log).toContain('show IGNF/itowns panel licence MIT footer code.gouv.fr · bundled');
  });

  it('the licence shows as soon as it is known: a slow publiccode.yml does not hold it back', async () => {
    publiccodeDelay = 50;
    const flow = createPageFlow(deps());
    const done = flow.update();
    await new Promise((r) => setTimeout(r, 20));
    expect(log.some((l) => l.includes('licence MIT'))).toBe(true);
    expect(log).not.toContain('publiccode none');
    await done;
    expect(log.at(-1)).toBe('publiccode none');
  });

  it('a repository outside the registry: nothing shown, the toolbar says so', async () => {
    href = 'https://github.com/torvalds/linux';
    await createPageFlow(deps()).update();
    expect(log).toEqual(['badge false', 'remove']);
  });

  it('…unless "licence everywhere" is on: then the licence card alone', async () => {
    href = 'https://github.com/torvalds/linux';
    settings.licenceEverywhere = true;
    await createPageFlow(deps()).update();
    expect(log).toEqual(['badge false', 'show torvalds/linux panel licence MIT', 'publiccode none']);
  });

  it('panels switched off (popup): the toolbar still says what the tab is, the page gets nothing, nothing is asked', async () => {
    settings.panelsHidden = true;
    await createPageFlow(deps()).update();
    expect(log).toEqual(['badge true IGN', 'remove']);
    expect(factsAsked).toEqual([]);
  });

  it('a private repository: nothing by default; with the option, the panel but never a licence request', async () => {
    visibility = 'private';
    await createPageFlow(deps()).update();
    expect(log).toEqual(['badge false', 'remove']);
    log = [];
    settings.privateRepos = true;
    await createPageFlow(deps()).update();
    expect(log).toEqual(['badge true IGN', 'show IGNF/itowns panel footer code.gouv.fr · bundled']);
    expect(factsAsked).toEqual([]);
  });

  it('a slow answer for a page the user already left is never shown', async () => {
    const flow = createPageFlow(deps());
    lookupDelay['https://github.com/IGNF/itowns'] = 30;
    const first = flow.update();
    await new Promise((r) => setTimeout(r, 5));
    href = 'https://github.com/torvalds/linux';
    await flow.update();
    await first;
    expect(log.filter((l) => l.startsWith('show'))).toEqual([]);
  });

  it('the same page again (another file view of the same tab): no new lookup; the panel is put back if the host dropped it', async () => {
    const flow = createPageFlow(deps());
    await flow.update();
    log = [];
    await flow.update();
    expect(log).toEqual([]);
    attached = false; // the host page re-rendered its sidebar
    flow.keepAttached();
    expect(log).toEqual(['show IGNF/itowns panel']);
  });

  it('moving from the home to a sub-page of the same repository moves the panel to the header', async () => {
    const flow = createPageFlow(deps());
    await flow.update();
    href = 'https://github.com/IGNF/itowns/tree/main/src';
    log = [];
    await flow.update();
    expect(log).toContain('show IGNF/itowns badge loading footer code.gouv.fr · bundled');
  });

  it('identity: host, path and home/sub-page; case-insensitive; nothing for pages that are not repositories', () => {
    expect(identityOf('https://github.com/IGNF/itowns')).toBe(identityOf('https://github.com/ignf/ITOWNS/'));
    expect(identityOf('https://github.com/IGNF/itowns/blob/x')).toBe(identityOf('https://github.com/IGNF/itowns/issues/3'));
    expect(identityOf('https://github.com/IGNF/itowns')).not.toBe(identityOf('https://github.com/IGNF/itowns/tree/x'));
    expect(identityOf('https://gitlab.com/a/b')).not.toBe(identityOf('https://gitlab.com/a/b/-/tree/main'));
    expect(identityOf('https://github.com/settings/profile')).toBe('');
  });
});
