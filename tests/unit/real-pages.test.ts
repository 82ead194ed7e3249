// @vitest-environment happy-dom
/**
 * Page reading on verbatim captures of real GitHub and GitLab pages (../shared/real-pages), each moved to a
 * registry account the way a user meets one. Every layout era of lib/forges/*-layouts.ts is proven here: on its
 * real captures, or on a small hand-made stand-in where no capture exists (said so in the table).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectPage, readLayout } from '@/lib/forges/detect';
import { gitlabAccountName, gitlabProjectPath } from '@/lib/forges/gitlab-dom';
import { GITHUB_LAYOUTS } from '@/lib/forges/github-layouts';
import { GITLAB_LAYOUTS } from '@/lib/forges/gitlab-layouts';
import { insertAt, type LayoutEra } from '@/lib/forges/layout';
import { classifyLicence } from '@/lib/licence/classify';
import { CAPTURES, EXPECTED, NOT_RUN_REASON, REAL_PAGES_AVAILABLE, readCapture, swapOwner, withoutProjectFullPath, type Capture } from '../real-pages';

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

  describe.each(CAPTURES.map((c) => [c.file, c] as const))('%s', (_, capture) => {
    const want = EXPECTED[capture.file]!;

    it('is confirmed as the repository its URL names, once moved to a registry account', () => {
      const { page } = read(capture);
      expect(page).toMatchObject({ answer: 'yes', kind: 'repository', view: want.view, visibility: want.visibility });
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
      if (want.licence === undefined) return expect(layout.licence).toBeUndefined();
      if (want.licence === null) return expect(layout.licence).toMatchObject({ state: 'none' });
      expect(layout.licence?.state).toBe('named');
      expect(classifyLicence(layout.licence!.state === 'named' ? layout.licence!.text : '').spdx).toBe(want.licence);
    });

    it('is not confirmed for another repository than the one it shows', () => {
      const { page } = read(capture);
      const other = detectPage(page.ref.forge === 'github' ? 'https://github.com/IGNF/another-repository' : 'https://gitlab.com/healthdatahub/another-project', parse(swapOwner(capture, readCapture(capture.file)).html));
      expect(other.answer).not.toBe('yes');
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
  'github-org-layout-sidebar': { url: 'https://github.com/IGNF', html: fill('github-org.html', { OWNER: 'IGNF' }) },
  'github-org-profile-sidebar': {
    url: 'https://github.com/IGNF',
    html: '<meta name="hovercard-subject-tag" content="organization:1"><div class="org-profile-sidebar"><h2>People</h2></div>',
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
    expect(readLayout(page, doc)).toMatchObject({ era: undefined, placement: { mode: 'fixed' }, licence: undefined });
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
