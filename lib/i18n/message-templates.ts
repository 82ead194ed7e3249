/**
 * The panel's messages without the browser's synchronous `i18n.getMessage` in the page (#23: its first call costs a
 * page 8–10 ms, measured with a CPU profile of the content script). The background, where the call costs the page
 * nothing, resolves every message once with marks in place of the substitutions; the panel fills the marks itself.
 * Pure: the browser's `getMessage` is passed in.
 */

/** Nine marks (the most substitutions `getMessage` takes), from the Private Use Area: no message contains them. */
export const SUBSTITUTION_MARKS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe000 + i));
const MARK = /[\uE000-\uE008]/g;

export type GetMessage = (key: string, substitutions?: string | string[]) => string;

/** Every message in the browser's language, its substitutions marked. */
export function messageTemplates(keys: readonly string[], getMessage: GetMessage): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const key of keys) templates[key] = getMessage(key, SUBSTITUTION_MARKS);
  return templates;
}

/** A message from its template, as `getMessage(key, substitutions)` would give it (a missing substitution: empty). */
export function fillTemplate(template: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return template.replace(MARK, (mark) => subs[mark.charCodeAt(0) - 0xe000] ?? '');
}

/** The panel's `t`: from the templates, else (a key they lack) the browser's own call. */
export function translator(templates: Record<string, string> | undefined, fallback: GetMessage): GetMessage {
  if (!templates) return fallback;
  return (key, substitutions) => {
    const template = templates[key];
    return typeof template === 'string' ? fillTemplate(template, substitutions) : fallback(key, substitutions);
  };
}
