import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '@/lib/messaging/client';
import type { MessageType } from '@/lib/messaging/protocol';
import * as z from 'zod/mini';
import { MESSAGE_RULES, parseMessage } from '@/lib/messaging/schemas';
import { createDispatcher, GENERIC_ERROR, serve, type Handlers, type Sender } from '@/lib/messaging/server';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const CONTENT: Sender = { tab: { id: 7, url: 'https://github.com/IGNF/itowns' }, url: 'https://github.com/IGNF/itowns' };
const POPUP: Sender = { url: `${EXT}/popup.html` };
const LOOKUP = { url: 'https://example.org', forge: null, host: '', path: '', kind: 'other', publicSector: false, organisation: null, ospo: null, catalogue: [], matchedKey: null } as const;

/** Every handler records its calls and answers `ok`, except lookup (a result) and one that throws an upstream body. */
function handlers() {
  const calls: string[] = [];
  const all = Object.fromEntries(
    (Object.keys(MESSAGE_RULES) as MessageType[]).map((type) => [
      type,
      vi.fn(async () => {
        calls.push(type);
        if (type === 'validateRegistry') throw new Error('<html>upstream secret body</html>');
        return type === 'lookup' ? LOOKUP : 'ok';
      }),
    ]),
  ) as unknown as Handlers;
  return { all, calls };
}

describe('the background’s dispatcher (zod-parsed messages, sender rules)', () => {
  it('a content script may ask what a page is, its licence on its own forge, and set its panel’s fold', async () => {
    const { all, calls } = handlers();
    const dispatch = createDispatcher(all, EXT);
    expect(await dispatch({ type: 'lookup', url: 'https://gitlab.com/x/y' }, CONTENT)).toEqual({ ok: true, value: LOOKUP });
    expect(await dispatch({ type: 'repoFacts', url: 'https://github.com/IGNF/itowns/tree/x' }, CONTENT)).toEqual({ ok: true, value: 'ok' });
    expect(await dispatch({ type: 'setPanelCollapsed', collapsed: true }, CONTENT)).toEqual({ ok: true, value: 'ok' });
    expect(calls).toEqual(['lookup', 'repoFacts', 'setPanelCollapsed']);
  });

  it.each(Object.entries(MESSAGE_RULES).filter(([, r]) => r.from === 'extension').map(([t]) => t))('a content script may not send %s (nothing runs)', async (type) => {
    const { all, calls } = handlers();
    const request = { type, ...(type === 'search' ? { query: 'x' } : type === 'validateRegistry' || type === 'forgeStatus' ? { url: 'https://evil.example/r.json' } : {}) };
    expect(await createDispatcher(all, EXT)(request, CONTENT)).toEqual({ ok: false, error: GENERIC_ERROR });
    expect(calls).toEqual([]);
  });

  // Every type whose rule says `sameOrigin` (the ones that make the background contact a forge, and openAudit).
  const sameOrigin = Object.entries(MESSAGE_RULES).filter(([, r]) => 'sameOrigin' in r).map(([t]) => t);
  it('the same-origin types are the ones that reach a forge or open a tab', () => expect(sameOrigin.sort()).toEqual(['accountProfile', 'openAudit', 'projectVisibility', 'publiccode', 'repoFacts']));
  it.each(sameOrigin)('%s: a content script asks only about its own page’s origin', async (type) => {
    const { all, calls } = handlers();
    const request = { type, url: 'https://gitlab.com/other/project', ...(type === 'projectVisibility' ? { projectId: '1' } : {}) };
    expect(MESSAGE_RULES[type as keyof typeof MESSAGE_RULES].request.safeParse(request).success || type === 'projectVisibility').toBe(true);
    expect(await createDispatcher(all, EXT)(request, CONTENT)).toEqual({ ok: false, error: GENERIC_ERROR });
    expect(calls).toEqual([]);
    // The same request about the page's own origin goes through.
    expect(await createDispatcher(all, EXT)({ ...request, url: 'https://github.com/IGNF/itowns' }, CONTENT)).toMatchObject({ ok: true });
  });

  it.each([
    { type: 'constructor' },
    { type: 'toString' },
    { type: '__proto__' },
    { type: 'hasOwnProperty' },
    { type: 'lookup' }, // no url
    { type: 'lookup', url: 'https://x.example', extra: 1 }, // unknown field
    { type: 'lookup', url: 'x'.repeat(5000) },
    { type: 'setPanelCollapsed', collapsed: 'yes' },
    'lookup',
    null,
    [],
    { type: 'pageState', publicSector: true, name: { toString: 'x' } },
  ])('%j is refused before any handler', async (message) => {
    const { all, calls } = handlers();
    const dispatch = createDispatcher(all, EXT);
    expect((await dispatch(message, CONTENT)).ok).toBe(false);
    expect((await dispatch(message, POPUP)).ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('each type’s schema, built when its first message comes, decides as one union of every type’s schema would', () => {
    const union = z.discriminatedUnion(
      'type',
      Object.entries(MESSAGE_RULES).map(([type, rule]) => z.strictObject({ ...rule.request.shape, type: z.literal(type) })) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
    );
    const fields = [{}, { url: 'https://gitlab.com/a/b' }, { url: '' }, { url: 'x'.repeat(4097) }, { url: 'https://x.example', kind: 'organisation' }, { url: 'https://x.example', kind: 'team' }, { collapsed: true }, { publicSector: false, name: 'n' }, { query: 'q' }, { url: 'https://x.example', projectId: '12' }, { url: 'https://x.example', projectId: '1a' }, { url: 'https://x.example', page: { state: 'none', from: 'p' } }, { url: 'https://x.example', page: { state: 'named', text: 't', from: 'p', more: 1 } }, { account: 'https://github.com/a', psoId: 'p' }, { extra: 1 }];
    const types = [...Object.keys(MESSAGE_RULES), 'constructor', '__proto__', 'toString', 'nope', 1, undefined];
    let accepted = 0;
    for (const type of types)
      for (const f of fields) {
        const message = type === undefined ? f : { ...f, type };
        const expected = union.safeParse(message);
        const got = parseMessage(message);
        expect(got.success, JSON.stringify(message)).toBe(expected.success);
        if (got.success && expected.success) expect(got.data).toEqual(expected.data);
        accepted += got.success ? 1 : 0;
      }
    expect(accepted).toBeGreaterThan(20);
    for (const m of [null, 'lookup', [], 3, Object.create({ type: 'lookup', url: 'https://x.example' })]) expect(parseMessage(m).success).toBe(union.safeParse(m).success);
  });

  it('errors: the extension’s own pages get the reason, content scripts a generic text (never an upstream body)', async () => {
    const { all } = handlers();
    const dispatch = createDispatcher(all, EXT);
    expect(await dispatch({ type: 'validateRegistry', url: 'https://r.example.org/r.json' }, POPUP)).toEqual({ ok: false, error: '<html>upstream secret body</html>' });
    all.lookup = async () => {
      throw new Error('<html>upstream secret body</html>');
    };
    expect(await createDispatcher(all, EXT)({ type: 'lookup', url: 'https://x.example' }, CONTENT)).toEqual({ ok: false, error: GENERIC_ERROR });
  });

  it('a page that only looks like the extension’s is a content script', async () => {
    const { all, calls } = handlers();
    const fake: Sender = { url: `${EXT}.evil.example/popup.html` };
    expect(await createDispatcher(all, EXT)({ type: 'refreshNow' }, fake)).toEqual({ ok: false, error: GENERIC_ERROR });
    expect(calls).toEqual([]);
  });
});

describe('ask() and serve() over runtime messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('ask() gets the handler’s value; a refused message rejects', async () => {
    const { all } = handlers();
    serve(browser.runtime, all, EXT);
    await expect(ask('lookup', { url: 'https://example.org' })).resolves.toMatchObject({ url: 'https://example.org', publicSector: false });
    await expect(ask('refreshNow', {})).rejects.toThrow(GENERIC_ERROR); // the fake sender is no extension page
  });
});
