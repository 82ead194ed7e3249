// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectPage } from '@/lib/forges/detect';
import { grantedForgeHosts, hostOfOrigin } from '@/lib/permissions/origins';

function page(head: string, bodyAttrs: Record<string, string> = {}, title = 'x') {
  document.head.innerHTML = `<title>${title}</title>${head}`;
  for (const a of [...document.body.attributes]) document.body.removeAttribute(a.name);
  for (const [k, v] of Object.entries(bodyAttrs)) document.body.setAttribute(k, v);
}
const GITLAB = '<meta property="og:site_name" content="GitLab">';

describe('detectPage()', () => {
  beforeEach(() => page(''));

  it('confirms a GitHub repository by its nwo meta, case-insensitively', () => {
    page('<meta name="octolytics-dimension-repository_nwo" content="IGNF/itowns"><meta name="octolytics-dimension-repository_public" content="true">');
    expect(detectPage('https://github.com/ignf/ITOWNS/tree/x', document)).toMatchObject({ answer: 'yes', kind: 'repository' });
  });

  it('waits while GitHub still shows the previous repository’s markers', () => {
    page('<meta name="octolytics-dimension-repository_nwo" content="torvalds/linux">');
    expect(detectPage('https://github.com/IGNF/itowns', document).answer).toBe('wait');
  });

  it('tells a private GitHub repository by its own marker (the flow turns it away unless allowed)', () => {
    page('<meta name="octolytics-dimension-repository_nwo" content="IGNF/x"><meta name="octolytics-dimension-repository_public" content="false">');
    expect(detectPage('https://github.com/IGNF/x', document)).toMatchObject({ answer: 'yes', visibility: 'private' });
  });

  it.each([
    ['a 404', '', 'https://github.com/IGNF/x', 'Page not found · GitHub'],
    ['a user profile', '<meta name="hovercard-subject-tag" content="user:1">', 'https://github.com/someone', 'x'],
    ['settings', '', 'https://github.com/settings/profile', 'x'],
  ])('says no to %s', (_, head, url, title) => {
    page(head, {}, title);
    expect(detectPage(url, document).answer).toBe('no');
  });

  it('confirms a GitHub organisation by its hovercard subject', () => {
    page('<meta name="hovercard-subject-tag" content="organization:5">');
    expect(detectPage('https://github.com/orgs/GIP-RECIA/repositories', document)).toMatchObject({ answer: 'yes', kind: 'organisation' });
  });

  it('answers "no" for a person at once, from the page’s own markers, whatever the hovercard says (?org=)', () => {
    page('<meta property="og:type" content="profile"><meta name="hovercard-subject-tag" content="organization:5">');
    document.body.innerHTML = '<div itemscope itemtype="http://schema.org/Person"><h1>Someone</h1></div>';
    expect(detectPage('https://github.com/someone?org=IGNF', document).answer).toBe('no');
    document.body.innerHTML = '';
    document.body.className = 'page-profile';
    expect(detectPage('https://github.com/someone', document).answer).toBe('no');
    // An organisation's page may carry page-profile too: its orghead says which.
    document.body.innerHTML = '<header class="pagehead orghead"><h1>IGN</h1></header>';
    expect(detectPage('https://github.com/IGNF', document).answer).toBe('yes');
    document.body.className = '';
    document.body.innerHTML = '';
  });

  it('waits while an organisation page still shows another account (profile:username)', () => {
    page('<meta property="profile:username" content="etalab"><meta name="hovercard-subject-tag" content="organization:5">');
    expect(detectPage('https://github.com/IGNF', document).answer).toBe('wait');
    page('<meta property="profile:username" content="ignf"><meta name="hovercard-subject-tag" content="organization:5">');
    expect(detectPage('https://github.com/IGNF', document).answer).toBe('yes');
  });

  it('confirms a GitLab project on any host by the page’s own markers', () => {
    page(GITLAB, { 'data-page': 'projects:tree:show', 'data-project-full-path': 'EOLE/Zephir/zcli' });
    expect(detectPage('https://gitlab.mim-libre.fr/eole/zephir/zcli/-/tree/main', document)).toMatchObject({ answer: 'yes', kind: 'repository' });
  });

  it('lets the DOM correct the URL: a two-segment path can be a subgroup', () => {
    page(GITLAB, { 'data-page': 'groups:show', 'data-group-full-path': 'healthdatahub/formation' });
    const d = detectPage('https://gitlab.com/healthdatahub/formation', document);
    expect(d).toMatchObject({ answer: 'yes', kind: 'organisation', view: 'organisation' });
  });

  it.each([
    ['not GitLab at all', '', {}],
    ['a GitLab user page', GITLAB, { 'data-page': 'users:show' }],
    ['project settings', GITLAB, { 'data-page': 'projects:settings:ci_cd:show', 'data-project-full-path': 'a/b' }],
    ['another project’s markers', GITLAB, { 'data-page': 'projects:show', 'data-project-full-path': 'a/other' }],
  ])('says no to %s', (_, head, attrs) => {
    page(head, attrs as Record<string, string>);
    expect(detectPage('https://forge.example.org/a/b', document).answer).toBe('no');
  });
});

describe('granted origins', () => {
  it('keeps single hosts beyond the static ones, once each', () => {
    expect(grantedForgeHosts(['https://github.com/*', 'https://code.gouv.fr/*', 'https://raw.githubusercontent.com/*', 'https://gitlab.inria.fr/*', 'http://gitlab.inria.fr/*', 'https://*/*', '<all_urls>', 'https://forgemia.inra.fr/*'])).toEqual([
      'forgemia.inra.fr',
      'gitlab.inria.fr',
    ]);
    expect(hostOfOrigin('https://*.example.org/*')).toBeUndefined();
  });
});
