import { accountKey } from '../account-key';
import type { Contribution, RawAccount } from './types';

/** A `https://<forge>/<account>` URL (or a repository URL) → registry key; only GitHub and GitLab hosts. */
export function forgeKey(url: string, depth: 1 | 2): string | undefined {
  const key = accountKey(url);
  if (!key) return undefined;
  const segs = key.split('/');
  if (!/(^|\.)github\.com$|(^|\.)gitlab\./.test(segs[0]!) || segs.length < 2) return undefined;
  return segs.slice(0, depth + 1).join('/');
}

/** An account URL of a list taken with the given facts, or rejected with its reason (a host alone is no account). */
export function takeAccount(out: Contribution, url: string, facts: Omit<RawAccount, 'key' | 'display'>): void {
  const key = accountKey(url);
  if (key?.includes('/')) out.accounts.push({ key, display: url.replace(/\/+$/, ''), ...facts });
  else out.rejected.push({ entry: url, reason: 'not an account URL' });
}

/** A GitHub login as GitHub allows it (letters, digits, single hyphens; 39 characters at most). */
export const GITHUB_LOGIN = /^[a-z0-9](?:[a-z0-9-]{0,37}[a-z0-9])?$/i;
