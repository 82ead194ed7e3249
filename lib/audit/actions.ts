/**
 * What an outsider or the body's own staff can do about a row, as plain links that send nothing until clicked: the
 * forge's pre-filled new-file page (a LICENSE, a publiccode.yml), the publiccode.yml editor, and a pre-filled issue.
 * Pure.
 */
import type { AuditRow } from './schema';

/** The official publiccode.yml editor (Developers Italia, used by the standard's other countries). */
export const PUBLICCODE_EDITOR = 'https://publiccode-editor.developers.italia.it/';

export interface RowActions {
  newLicence?: string;
  newPubliccode?: string;
  editor?: string;
  /** An issue on the repository, pre-filled with `title` and `body` (given in the reader's language). */
  issue?: (title: string, body: string) => string;
}

export function actionsFor(r: AuditRow): RowActions {
  const u = new URL(r.repository);
  const github = u.host === 'github.com';
  const branch = encodeURIComponent(r.branch ?? (github ? 'main' : 'HEAD'));
  const newFile = (name: string) => (github ? `${r.repository}/new/${branch}?filename=${name}` : `${r.repository}/-/new/${branch}?file_name=${name}`);
  const issue = (title: string, body: string) =>
    github ? `${r.repository}/issues/new?${new URLSearchParams({ title, body })}` : `${r.repository}/-/issues/new?${new URLSearchParams({ 'issue[title]': title, 'issue[description]': body })}`;
  const a: RowActions = {};
  if (r.archived) return a;
  if (r.status === 'missing') a.newLicence = newFile('LICENSE');
  if (r.publiccode === false) {
    a.newPubliccode = newFile('publiccode.yml');
    a.editor = PUBLICCODE_EDITOR;
  }
  if (r.status === 'missing' || r.status === 'not-in-policy' || r.publiccode === false) a.issue = issue;
  return a;
}
