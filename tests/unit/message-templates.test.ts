import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fillTemplate, messageTemplates, translator, type GetMessage } from '@/lib/i18n/message-templates';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const LOCALES = 'assets/public/_locales';

/**
 * `i18n.getMessage` as the WebExtension spec and Chromium define it: named placeholders resolve to their content,
 * `$1`…`$9` to the substitutions (a missing one: empty), `$$` to `$`.
 */
function browserGetMessage(messages: Messages): GetMessage {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const positional = (text: string) => text.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    const named = entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g, (all, name?: string, n?: string) => {
      if (all === '$$') return '$';
      if (n) return subs[Number(n) - 1] ?? '';
      const placeholder = Object.entries(entry.placeholders ?? {}).find(([k]) => k.toLowerCase() === name!.toLowerCase());
      return placeholder ? positional(placeholder[1].content) : '';
    });
    return named;
  };
}

describe('the panel’s messages, resolved by the background (#23: no synchronous i18n call in the page)', () => {
  const keys = Object.keys(JSON.parse(readFileSync(`${LOCALES}/en/messages.json`, 'utf8')) as Messages);
  const samples: Array<string | string[] | undefined> = [undefined, 'A', ['A'], ['A', 'B $1 $$'], ['1', '2', '3', '4', '5', '6', '7', '8', '9']];

  it.each(readdirSync(LOCALES))('%s: every message, with any substitutions, reads as the browser’s own call gives it', (locale) => {
    const getMessage = browserGetMessage(JSON.parse(readFileSync(`${LOCALES}/${locale}/messages.json`, 'utf8')) as Messages);
    const templates = messageTemplates(keys, getMessage);
    const t = translator(templates, () => 'fallback');
    for (const key of keys) for (const subs of samples) expect(t(key, subs), `${key} ${JSON.stringify(subs)}`).toBe(getMessage(key, subs));
    const placeholders = Object.values(templates).filter((template) => /[\uE000-\uE008]/.test(template)).length;
    expect(placeholders).toBeGreaterThan(20); // the comparison covers messages with substitutions, not only plain ones
  });

  it('a substitution is inserted as text ($ patterns in it are not read)', () => {
    expect(fillTemplate('Data: \uE000 (\uE001)', ['$1 $&', 'x'])).toBe('Data: $1 $& (x)');
    expect(fillTemplate('\uE000 and \uE001', 'one')).toBe('one and ');
  });

  it('a key the templates lack, or no templates at all, asks the browser', () => {
    const calls: string[] = [];
    const fallback: GetMessage = (key) => (calls.push(key), `browser ${key}`);
    expect(translator({ a: 'A' }, fallback)('b')).toBe('browser b');
    expect(translator(undefined, fallback)('a')).toBe('browser a');
    expect(translator({ a: 'A' }, fallback)('a')).toBe('A');
    expect(calls).toEqual(['b', 'a']);
  });
});
