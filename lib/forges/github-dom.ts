import type { PageRef, Visibility } from './types';

/** `yes`: the page is what the URL says; `no`: it is not (404, a user, other); `wait`: the DOM is not there yet. */
export type Confirmation = 'yes' | 'no' | 'wait';

const meta = (doc: Document, name: string) =>
  doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;

/** What the page says of the repository's visibility (`octolytics-dimension-repository_public`); silence is `unknown`. */
export function githubVisibility(doc: Document): Visibility {
  const flag = meta(doc, 'octolytics-dimension-repository_public');
  return flag === 'true' ? 'public' : flag === 'false' ? 'private' : 'unknown';
}

/**
 * A person's profile, by the page's own markers: schema.org `Person`, or `body.page-profile` on a page that is not
 * an organisation's (no `orghead`, no schema.org `Organization`).
 */
export function isPersonPage(doc: Document): boolean {
  if (doc.querySelector('[itemtype$="schema.org/Person"]')) return true;
  return !!doc.body?.classList.contains('page-profile') && !doc.querySelector('header.orghead, [itemtype$="schema.org/Organization"]');
}

/** Confirm a GitHub page by its own markers (PEERS.md §4.1). Pure: reads the document it is given. */
export function confirmGithub(doc: Document, ref: PageRef): Confirmation {
  if (/^(Page|File) not found|^Server Error/.test(doc.title)) return 'no';
  if (ref.kind === 'repository') {
    const nwo = meta(doc, 'octolytics-dimension-repository_nwo');
    return nwo && nwo.toLowerCase() === ref.path.toLowerCase() ? 'yes' : 'wait';
  }
  if (ref.kind === 'organisation') {
    // A person's page says so (2020–2025): before the hovercard, which a profile filtered by organisation (`?org=`)
    // sets to that organisation.
    if (isPersonPage(doc)) return 'no';
    // The page of another account, still shown after an in-page navigation: not yet this one.
    const username = doc.querySelector('meta[property="profile:username"]')?.getAttribute('content');
    if (username && username.toLowerCase() !== ref.path.toLowerCase()) return 'wait';
    const subject = meta(doc, 'hovercard-subject-tag');
    if (subject?.startsWith('organization:') || doc.querySelector('[itemtype$="schema.org/Organization"] header.orghead, header.orghead')) return 'yes';
    if (subject) return 'no'; // a user or something else
    return 'wait';
  }
  return 'no';
}

/**
 * What a GitHub organisation's page shows of it in its header (2020–2025): its name, and the website and e-mail of its
 * profile (`itemprop="url"`, `itemprop="email"`). Raw: the background checks them like registry data.
 */
export function githubOrgProfile(doc: Document): { name?: string; email?: string; url?: string } | undefined {
  const head = doc.querySelector('header.orghead');
  if (!head) return undefined;
  const name = head.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const url = head.querySelector('a[itemprop="url"]')?.getAttribute('href') ?? undefined;
  const mail = head.querySelector('a[itemprop="email"]')?.getAttribute('href')?.replace(/^mailto:/i, '');
  const profile = { ...(name ? { name: name.slice(0, 300) } : {}), ...(mail ? { email: mail.slice(0, 300) } : {}), ...(url && /^https?:\/\//i.test(url) ? { url: url.slice(0, 2000) } : {}) };
  return Object.keys(profile).length ? profile : undefined;
}

/** How many public repositories an organisation page says it has (its Repositories tab counter), when it says. */
export function githubRepositoryCount(doc: Document): number | undefined {
  const counter = doc.querySelector('.js-profile-repository-count, [data-tab-item$="repositories-tab"] .Counter');
  const text = (counter?.getAttribute('title') ?? counter?.textContent ?? '').replace(/[\s,.\u00a0\u202f]/g, '');
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined;
}
