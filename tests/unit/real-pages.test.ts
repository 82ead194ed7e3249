// @vitest-environment happy-dom
/**
 * Page reading on verbatim captures of real GitHub and GitLab pages (../shared/real-pages), each moved to a
 * registry account the way a user meets one. Every layout era of lib/forges/*-layouts.ts is proven here: on its
 * real captures, or on a small hand-made stand-in where no capture exists (said so in the table).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage, readLayout } from '@/lib/forges/detect';
import { gitlabAccountName, gitlabProjectPath } from '@/lib/forges/gitlab-dom';
import { GITHUB_LAYOUTS } from '@/lib/forges/github-layouts';
import { GITLAB_LAYOUTS } from '@/lib/forges/gitlab-layouts';
import { placementByMeaning } from '@/lib/forges/by-meaning';
import { insertAt, type LayoutEra } from '@/lib/forges/layout';
import { classifyLicence } from '@/lib/licence/classify';
import { readinessOf } from '@/lib/facts/readiness';
import { pageReport } from '@/lib/forges/page-report';
import { CAPTURES, EXPECTED, NOT_RUN_REASON, REAL_PAGES_AVAILABLE, isPlaced, readCapture, swapOwner, withoutProjectFullPath, type Capture, type Placed } from '../real-pages';

/** A quiet window of our own: the saved pages' stylesheets, scripts and iframes are never loaded, and not reported either. */
const quiet = { log() {}, warn() {}, error() {}, info() {}, debug() {} } as unknown as Console;
const window = new Window({
  console: quiet,
  settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, handleDisabledFileLoadingAsSuccess: true },
});
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

const cache = new Map<string, ReturnType<typeof readUncached>>();
/** A capture moved to a registry account, parsed once per file (the pages are up to 1 MB). */
function read(capture: Capture, transform?: (html: string) => string) {
  if (transform) return readUncached(capture, transform);
  if (!cache.has(capture.file)) cache.set(capture.file, readUncached(capture));
  return cache.get(capture.file)!;
}

function readUncached(capture: Capture, transform: (html: string) => string = (h) => h) {
  const { url, html } = swapOwner(capture, transform(readCapture(capture.file)));
  const doc = parse(html);
  const page = detectPage(url, doc);
  return { url, doc, page, layout: readLayout(page, doc) };
}

describe.skipIf(!REAL_PAGES_AVAILABLE)('real captured pages', () => {
  it('every capture of the manifest has an expectation here (a new capture must be looked at)', () => {
    expect(CAPTURES.map((c) => c.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(CAPTURES.filter((c) => !isPlaced(EXPECTED[c.file]!)).map((c) => [c.file, c] as const))('%s (a person)', (_, capture) => {
    it('is answered "no" from its own markers, at once, even at a registry account’s URL', () => {
      const { page } = read(capture);
      expect(page.answer).toBe('no');
    });

    it('is a person even filtered by an organisation (?org=, which sets an organization hovercard)', () => {
      const { url, html } = swapOwner(capture, readCapture(capture.file));
      const trap = html.replace(/<meta name="hovercard-subject-tag"[^>]*>/, '').replace('</head>', '<meta name="hovercard-subject-tag" content="organization:1"></head>');
      expect(detectPage(`${url}?org=IGNF`, parse(trap)).answer).toBe('no');
    });
  });

  describe.each(CAPTURES.filter((c) => isPlaced(EXPECTED[c.file]!)).map((c) => [c.file, c] as const))('%s', (_, capture) => {
    const want = EXPECTED[capture.file] as Placed;
    const kind = want.view === 'organisation' ? 'organisation' : 'repository';

    it(`is confirmed as the ${kind} its URL names, once moved to a registry account`, () => {
      const { page } = read(capture);
      expect(page).toMatchObject({ answer: 'yes', kind, view: want.view, visibility: want.visibility });
    });

    it(`places the ${want.mode} inside ${want.within}, in an era that lists this capture`, () => {
      const { doc, page, layout } = read(capture);
      expect(layout.placement.mode).toBe(want.mode);
      expect(layout.era?.captures).toContain(capture.file);
      const host = doc.createElement('ospo-lens-panel');
      expect(insertAt(host, layout.placement, doc)).toBe(true);
      expect(host.parentElement?.closest(want.within)).not.toBeNull();
      expect(page.answer).toBe('yes');
    });

    it(`reads the licence the page shows (${want.licence === null ? 'none' : (want.licence ?? 'not shown: the API is needed')})`, () => {
      const { layout } = read(capture);
      // Not shown, or named in words that identify no licence ("View license"): the forge's API is asked.
      if (want.licence === undefined) return expect(layout.licence === undefined || (layout.licence.state === 'named' && !classifyLicence(layout.licence.text).spdx)).toBe(true);
      if (want.licence === null) return expect(layout.licence).toMatchObject({ state: 'none' });
      expect(layout.licence?.state).toBe('named');
      expect(classifyLicence(layout.licence!.state === 'named' ? layout.licence!.text : '').spdx).toBe(want.licence);
    });

    it(want.rootListed ? 'reads the whole root listing from the page: no publiccode.yml, no request needed' : 'does not claim to know the root files', () => {
      const { layout } = read(capture);
      if (!want.rootListed) return expect(layout.files).toBeUndefined();
      expect(layout.files?.names.length).toBeGreaterThan(3);
      expect(readinessOf(layout.files!.names)).toMatchObject({ publiccode: false });
    });

    it('is not confirmed for another page than the one it shows', () => {
      const { page } = read(capture);
      const other = page.ref.forge === 'github' ? (kind === 'repository' ? 'https://github.com/IGNF/another-repository' : 'https://github.com/etalab') : 'https://gitlab.com/healthdatahub/another-project';
      expect(detectPage(other, parse(swapOwner(capture, readCapture(capture.file)).html)).answer).not.toBe('yes');
    });

    it('the page checker (npm run check:page) says the same, in-process', () => {
      const { doc, url } = read(capture);
      const report = pageReport(url, doc);
      expect(report).toMatchObject({ confirmed: 'yes', view: want.view, placement: { mode: want.mode, rule: 'era' } });
      expect(report.era).toBeTruthy();
    });
  });

  describe('GitLab 15/16 (no data-project-full-path): the 2024 GitLab 17 capture without it', () => {
    const capture = () => CAPTURES.find((c) => c.file === 'gitlab-project-2024-06-gitlab-org-gitlab.html')!;

    it('confirms the project from data-group-full-path + data-project, and places the panel in its sidebar', () => {
      const { doc, page, layout } = read(capture(), withoutProjectFullPath);
      expect(doc.body.dataset.projectFullPath).toBeUndefined();
      expect(gitlabProjectPath(doc)).toBe('healthdatahub/gitlab');
      expect(page).toMatchObject({ answer: 'yes', kind: 'repository', view: 'home' });
      expect(layout.placement).toMatchObject({ mode: 'panel', era: 'gitlab-project-sidebar' });
      expect(layout.licence).toMatchObject({ state: 'named', text: 'MIT License' });
    });

    it('in a namespace without a group path, takes the path from the canonical URL', () => {
      const { doc, page } = read(capture(), (html) => withoutProjectFullPath(html).replace(/\s+data-group-full-path="[^"]*"/g, ''));
      expect(gitlabProjectPath(doc)).toBe('healthdatahub/gitlab');
      expect(page.answer).toBe('yes');
    });

    it('does not confirm a page whose data-project names another project', () => {
      const html = withoutProjectFullPath(swapOwner(capture(), readCapture(capture().file)).html).replace(/data-project="gitlab"/, 'data-project="other"');
      expect(detectPage('https://gitlab.com/healthdatahub/gitlab', parse(html)).answer).not.toBe('yes');
    });
  });
});

// Without the captures every test above is reported as skipped, and this says why.
if (!REAL_PAGES_AVAILABLE) console.warn(NOT_RUN_REASON);

/** Hand-made stand-ins for the eras no real capture shows (each says so in its `captures: []`). */
const FIXTURES = path.resolve('tests/fixtures/pages');
const fill = (file: string, values: Record<string, string>) => fs.readFileSync(path.join(FIXTURES, file), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
const STAND_INS: Record<string, { url: string; html: string }> = {
  // Organisation pages of 2022–2025 and the repositories tab: the header, without the 2020–2021 column.
  'github-orghead': {
    url: 'https://github.com/orgs/IGNF/repositories',
    html: '<meta name="hovercard-subject-tag" content="organization:1"><div itemscope itemtype="http://schema.org/Organization"><header class="pagehead orghead"><h1>IGN</h1></header></div><main><ul><li>repo</li></ul></main>',
  },
  'gitlab-15-home-panel': {
    url: 'https://gitlab.com/healthdatahub/schema-snds',
    html: '<meta property="og:site_name" content="GitLab"><body data-page="projects:show" data-project="schema-snds" data-group-full-path="healthdatahub" data-project-id="1"><header class="project-home-panel"><h1>schema-snds</h1><div class="project-buttons"><a itemprop="license" href="/x/-/blob/main/LICENSE">Apache License 2.0</a></div></header></body>',
  },
  'gitlab-group-home-panel': { url: 'https://gitlab.com/healthdatahub', html: fill('gitlab-group.html', { HOST: 'gitlab.com', PATH: 'healthdatahub', GROUP: 'healthdatahub' }) },
  'gitlab-group-breadcrumbs': {
    url: 'https://gitlab.com/healthdatahub',
    html: '<meta property="og:site_name" content="GitLab"><body data-page="groups:show" data-group-full-path="healthdatahub"><div class="top-bar-container"><div id="js-vue-page-breadcrumbs-wrapper"></div></div></body>',
  },
};

describe('layout eras (tables in lib/forges/*-layouts.ts)', () => {
  const ERAS: Array<[string, LayoutEra]> = [...GITHUB_LAYOUTS, ...GITLAB_LAYOUTS].map((e) => [e.id, e]);

  it('have unique ids and never a whole hashed class name (they change with every deploy)', () => {
    expect(new Set(ERAS.map(([id]) => id)).size).toBe(ERAS.length);
    for (const [, era] of ERAS)
      for (const selector of [era.anchor, ...(era.licence?.links ?? []), era.licence?.noneWhen ?? '']) {
        expect(selector).not.toMatch(/-module__\w+__\w+/);
        expect(selector).not.toMatch(/\bprc-[A-Za-z]+-[A-Za-z]+-[A-Za-z0-9_]{5}\b/);
      }
  });

  it.each(ERAS)('%s is proven by a real capture or by a hand-made stand-in', (id, era) => {
    if (era.captures.length > 0) {
      if (REAL_PAGES_AVAILABLE) for (const file of era.captures) expect(CAPTURES.map((c) => c.file)).toContain(file);
      return;
    }
    const standIn = STAND_INS[id];
    expect(standIn, `${id} has neither a capture nor a stand-in`).toBeDefined();
    const doc = parse(standIn!.html);
    const page = detectPage(standIn!.url, doc);
    expect(page.answer).toBe('yes');
    expect(readLayout(page, doc).era?.id).toBe(id);
  });

  it('the GitLab 15 stand-in reads its licence link', () => {
    const { url, html } = STAND_INS['gitlab-15-home-panel']!;
    const doc = parse(html);
    expect(readLayout(detectPage(url, doc), doc).licence).toMatchObject({ state: 'named', text: 'Apache License 2.0' });
  });

  it('a page whose layout is unknown gets the collapsed corner box, never a guess', () => {
    const doc = parse('<meta name="octolytics-dimension-repository_nwo" content="IGNF/itowns"><main>A redesign we do not know</main>');
    const page = detectPage('https://github.com/IGNF/itowns', doc);
    const layout = readLayout(page, doc);
    expect(layout).toMatchObject({ era: undefined, placement: { mode: 'fixed', rule: 'corner' } });
    expect(layout.licence).toBeUndefined();
  });
});

describe.skipIf(!REAL_PAGES_AVAILABLE)('the name a GitLab group gives itself, from the page (no request)', () => {
  it('is read from the breadcrumbs of the real captures; a crumb that repeats the path is no name', () => {
    const doc = parse(readCapture('gitlab-project-2026-05-gitlab-org-gitlab.html'));
    expect(gitlabAccountName(doc, 'gitlab-org')).toBe('GitLab.org');
    expect(gitlabAccountName(parse(readCapture('gitlab-project-2024-06-gitlab-org-gitlab.html')), 'GITLAB-ORG')).toBe('GitLab.org');
    expect(gitlabAccountName(parse(readCapture('gitlab-subpage-2024-06-tree-libeigen-eigen.html')), 'libeigen')).toBeUndefined();
    expect(gitlabAccountName(doc, 'someone-else')).toBeUndefined();
  });
});

/** A small seeded generator (mulberry32): each property run renames the same way for a given seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CSS-module and Primer React hashes, as a deploy renames them (`CodeViewSidebar-module__borderGrid__Lpx5q`, `prc-PageLayout-Pane-AyzHK`). */
const HASHED = /^((?:[A-Za-z][\w-]*-module__\w+__)|(?:prc-[A-Za-z]+-[A-Za-z0-9]+-))[A-Za-z0-9_-]{5}$/;

/**
 * A deploy, applied in place to a parsed page: every hashed class gets another hash, every id another name (or
 * none). Returns a function that redoes it with a new seed, always from the page's own names.
 */
function deployer(doc: Document): (seed: number) => void {
  const elements = [...doc.querySelectorAll('[id], [class*="-module__"], [class*="prc-"]')].map((el) => ({ el, id: el.getAttribute('id'), classes: [...el.classList] }));
  return (seed) => {
    const next = random(seed);
    const token = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Math.floor(next() * 62)]).join('');
    for (const { el, id, classes } of elements) {
      if (id !== null) {
        const r = next();
        if (r < 0.1) el.removeAttribute('id');
        else el.setAttribute('id', r < 0.55 ? `${id}-${token(4)}` : token(8));
      }
      if (classes.some((c) => HASHED.test(c))) el.setAttribute('class', classes.map((c) => c.replace(HASHED, (_, prefix: string) => `${prefix}${token(5)}`)).join(' '));
    }
  };
}

describe.skipIf(!REAL_PAGES_AVAILABLE)('robustness: placement survives what a deploy changes, and the page read by meaning', () => {
  const homes = CAPTURES.filter((c) => c.kind === 'github-repo');

  it.each(homes.map((c) => [c.file, c] as const))('%s: hashed classes and ids renamed (100 deploys), the panel still lands in the sidebar', (_, capture) => {
    const want = EXPECTED[capture.file] as Placed;
    const { url, html } = swapOwner(capture, readCapture(capture.file));
    const doc = parse(html);
    const deploy = deployer(doc);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        deploy(seed);
        const page = detectPage(url, doc);
        expect(page.answer).toBe('yes');
        const layout = readLayout(page, doc);
        expect(layout.placement.mode).toBe('panel');
        const host = doc.createElement('ospo-lens-panel');
        expect(insertAt(host, layout.placement, doc)).toBe(true);
        expect(host.parentElement?.closest(want.within), `${capture.file}, seed ${seed}, placed by ${layout.placement.era}`).not.toBeNull();
        host.remove();
      }),
      { numRuns: 100, seed: 20261201 },
    );
  });

  it.each(CAPTURES.filter((c) => isPlaced(EXPECTED[c.file]!)).map((c) => [c.file, c] as const))('%s: without any layout era, the page read by meaning places it in the page, never in a corner', (_, capture) => {
    const want = EXPECTED[capture.file] as Placed;
    const { doc, page } = read(capture);
    const placement = placementByMeaning(doc, page.ref.host, page.ref.path, page.view);
    expect(placement, 'the page has a header or a sidebar').not.toBeNull();
    const host = doc.createElement('ospo-lens-panel');
    expect(insertAt(host, placement!, doc)).toBe(true);
    // Repository homes: in the About box's column (GitHub: the era's own sidebar too); sub-pages, organisations and
    // homes whose sidebar is rendered later by the browser (GitLab 19's README and file list): in their header.
    if (capture.kind === 'github-repo') expect(placement!.rule).toBe('about-box');
    if (placement!.rule === 'about-box') {
      const about = [...doc.querySelectorAll('h2')].find((h) => /^(about|project information)$/i.test(h.textContent?.trim() ?? ''))!;
      expect(host.parentElement?.contains(about)).toBe(true);
      if (capture.kind === 'github-repo') expect(host.parentElement?.closest(want.within)).not.toBeNull();
    } else expect(host.closest('header, [role="banner"], [class*="top-bar"], #repository-container-header') ?? host.previousElementSibling?.closest('[data-testid*="breadcrumb"], nav')).not.toBeNull();
    host.remove();
  });

  it('today’s logged-in GitHub header (2026: repository header hidden, no .AppHeader-context-full): the badge goes by the "Page context" breadcrumb', () => {
    const capture = CAPTURES.find((c) => c.file === 'github-subpage-2024-06-pull-choosealicense-logged-in-dark.html')!;
    const { doc, page, layout } = read(capture, (html) => html.replace(/AppHeader-context-full/g, 'AppHeader-context-wide'));
    expect(layout.era).toBeUndefined();
    expect(layout.placement).toMatchObject({ mode: 'badge', rule: 'repo-header' });
    const host = doc.createElement('ospo-lens-panel');
    expect(insertAt(host, layout.placement, doc)).toBe(true);
    expect(host.closest('.AppHeader')).not.toBeNull();
    expect(page.answer).toBe('yes');
  });

  it('an organisation page without the 2020–2021 column (2022–2025, the repositories tab): a badge after the name in its header', () => {
    const capture = CAPTURES.find((c) => c.file === 'github-org-2021-07-openssl.html')!;
    const { doc, layout } = read(capture, (html) => html.replace(/js-profile-tab-count-container/g, 'profile-tab-counts'));
    expect(layout.placement).toMatchObject({ mode: 'badge', era: 'github-orghead' });
    const host = doc.createElement('ospo-lens-panel');
    expect(insertAt(host, layout.placement, doc)).toBe(true);
    expect(host.closest('header.orghead')).not.toBeNull();
  });
});
