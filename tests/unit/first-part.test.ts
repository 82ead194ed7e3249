import { beforeAll, describe, expect, it, vi } from 'vitest';
import { compileFolder } from '@/lib/cli/read-sources';
import { firstAsk } from '@/lib/first/ask';
import { answerFirst } from '@/lib/first/answer';
import { startFirstPart } from '@/lib/first/start';
import { createForwarder, type EventLike } from '@/lib/first/forward';
import { keepPanelMessages, mirrorContentSettings, PANEL_MESSAGES_KEY, panelMessagesFrom, publishSlices, type SessionArea } from '@/lib/first/session';
import { bootReply, provenanceOf } from '@/lib/messaging/boot-reply';
import { parseMessage } from '@/lib/messaging/schemas';
import { createIndex, lookup, type RegistryIndex } from '@/lib/registry/lookup';
import { hostSliceKeyFor, indexOfSlices, isSliceKey, META_KEY, metaOf, sliceKeysFor, slicesOf, stampOf, type SliceMeta } from '@/lib/registry/slices';
import type { CompiledRegistry, HostInfo } from '@/lib/registry/schema';
import { CONTENT_SETTINGS_KEY, contentSettingsFrom, type ContentSettings } from '@/lib/storage/content-settings';

/** The browser's session storage, in memory, with every call recorded. */
function memoryArea(initial: Record<string, unknown> = {}): SessionArea & { data: Map<string, unknown>; calls: string[] } {
  const data = new Map(Object.entries(structuredClone(initial)));
  const calls: string[] = [];
  return {
    data,
    calls,
    async get(keys) {
      calls.push(`get ${keys === null ? '*' : [keys].flat().length}`);
      const wanted = keys === null ? [...data.keys()] : [keys].flat();
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      calls.push(`set ${Object.keys(items).includes(META_KEY) ? 'meta' : Object.keys(items).length}`);
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      calls.push(`remove ${[keys].flat().includes(META_KEY) ? 'meta' : [keys].flat().length}`);
      for (const k of [keys].flat()) data.delete(k);
    },
  };
}

const SETTINGS: ContentSettings = { panelCollapsed: false, privateRepos: false, licenceEverywhere: false, panelsHidden: false };
const messages = () => ({ ospo: 'OSPO' });

let registry: CompiledRegistry;
let index: RegistryIndex;
let records: Record<string, unknown>;
let meta: SliceMeta;
beforeAll(() => {
  registry = compileFolder(undefined, '2026-01-01T00:00:00.000Z');
  index = createIndex(registry);
  // Through structured cloning, as the browser's storage keeps them.
  records = structuredClone(slicesOf(registry));
  meta = metaOf(records[META_KEY])!;
});

/** The index the first part makes for `url`: meta and the records that URL names, as storage gives them. */
const sliced = (url: string) => {
  const host = hostSliceKeyFor(url);
  const keys = [...(host ? [host] : []), ...sliceKeysFor(url, host ? (records[host] as HostInfo | undefined) : undefined)];
  return indexOfSlices(meta, Object.fromEntries(keys.filter((k) => k in records).map((k) => [k, records[k]])));
};
const keysOf = (url: string) => sliceKeysFor(url, records[hostSliceKeyFor(url) ?? ''] as HostInfo | undefined);

/** Every page a registry answers differently: each entry's own page, a repository and a sub-path in it, and pages of no entry. */
function urlsOf(r: CompiledRegistry): string[] {
  const urls = new Set<string>();
  for (const e of r.entries) {
    urls.add(e.display);
    urls.add(`https://${e.key}`);
    urls.add(`https://${e.key}/some-repository`);
    urls.add(`https://${e.key}/some-repository/-/blob/main/README.md`);
  }
  for (const h of r.hosts) urls.add(`https://${h.host}/group/project`);
  for (const s of r.sill) urls.add(`https://${s.key}`);
  for (const u of ['https://github.com/torvalds/linux', 'https://gitlab.com/gitlab-org/gitlab', 'https://example.org/a/b', 'not a url', 'https://github.com', 'https://github.com/orgs/IGNF/repositories']) urls.add(u);
  return [...urls];
}

describe('the registry’s slices (#23: what the worker’s first part answers from)', () => {
  it('answer every page exactly as the whole registry does: lookup, provenance and boot, on every real entry', () => {
    const urls = urlsOf(registry);
    expect(urls.length).toBeGreaterThan(8000);
    let publicSector = 0;
    for (const url of urls) {
      const part = sliced(url);
      const whole = lookup(index, url);
      expect(lookup(part, url), url).toEqual(whole);
      expect(lookup(part, url, 'organisation'), url).toEqual(lookup(index, url, 'organisation'));
      expect(provenanceOf(part, url), url).toEqual(provenanceOf(index, url));
      for (const licenceEverywhere of [false, true]) expect(bootReply(part, { ...SETTINGS, licenceEverywhere }, url, messages), url).toEqual(bootReply(index, { ...SETTINGS, licenceEverywhere }, url, messages));
      publicSector += whole.publicSector ? 1 : 0;
    }
    // Both kinds of answer were compared, and answers with an own OSPO, a nearest one, a catalogue and a contact.
    expect(publicSector).toBeGreaterThan(7000);
    const answers = urls.map((u) => lookup(sliced(u), u));
    expect(answers.some((a) => a.ospo?.scope === 'own')).toBe(true);
    expect(answers.some((a) => a.ospo?.scope === 'nearest')).toBe(true);
    expect(answers.some((a) => a.publicCatalogue)).toBe(true);
    expect(answers.some((a) => a.contact)).toBe(true);
    expect(answers.some((a) => a.catalogue.some((c) => c.kind === 'sill'))).toBe(true);
  });

  it('are a few small records for one page: meta, the candidate keys’ entries, one SILL key', () => {
    const keys = keysOf('https://github.com/IGNF/itowns');
    expect(keys).toEqual(['ol:e:github.com/ignf/itowns', 'ol:e:github.com/ignf', 'ol:e:github.com', 'ol:s:github.com/ignf/itowns']);
    expect(keysOf('https://example.org/a/b')).toEqual([]);
    expect(hostSliceKeyFor('https://www.GitHub.com/a')).toBe('ol:h:github.com');
    expect(hostSliceKeyFor('not a url')).toBeUndefined();
    expect(keysOf('https://gitlab.mim-libre.fr/EOLE/Zephir/zcli')).toContain('ol:e:gitlab.mim-libre.fr/eole');
    // Before meta is read: the same keys on the forges known without the registry, none elsewhere.
    for (const url of urlsOf(registry)) {
      const host = /^https:\/\/([^/]+)/.exec(url)?.[1];
      expect(sliceKeysFor(url), url).toEqual(host === 'github.com' || host === 'gitlab.com' ? keysOf(url) : []);
    }
    expect(JSON.stringify(meta).length).toBeLessThan(40_000);
    expect(Object.keys(records).every(isSliceKey)).toBe(true);
    expect(Object.keys(records)).toHaveLength(1 + registry.entries.length + registry.sill.length + registry.hosts.length);
  });

  it('meta of another version or shape is not read', () => {
    expect(metaOf(undefined)).toBeUndefined();
    expect(metaOf({ ...meta, v: 0 })).toBeUndefined();
    expect(metaOf({ ...meta, catalogues: 'x' })).toBeUndefined();
    expect(metaOf(meta)).toBe(meta);
  });
});

describe('firstAsk: what the first part answers itself (only what the protocol takes, never more)', () => {
  it('takes boot and lookup shaped exactly as their schemas', () => {
    expect(firstAsk({ type: 'boot', url: 'https://github.com/a/b' })).toEqual({ type: 'boot', url: 'https://github.com/a/b' });
    expect(firstAsk({ type: 'lookup', url: 'https://github.com/a/b' })).toEqual({ type: 'lookup', url: 'https://github.com/a/b' });
    expect(firstAsk({ type: 'lookup', url: 'https://github.com/a', kind: 'organisation' })).toEqual({ type: 'lookup', url: 'https://github.com/a', kind: 'organisation' });
  });

  it('leaves everything else to the whole worker', () => {
    const refused: unknown[] = [
      null,
      'boot',
      [],
      3,
      { type: 'boot' },
      { type: 'boot', url: '' },
      { type: 'boot', url: 'x'.repeat(4097) },
      { type: 'boot', url: 3 },
      { type: 'boot', url: 'https://a.example', kind: 'repository' },
      { type: 'boot', url: 'https://a.example', extra: 1 },
      { type: 'lookup', url: 'https://a.example', kind: 'team' },
      { type: 'lookup', url: 'https://a.example', kind: undefined },
      { type: 'lookup', url: 'https://a.example', other: 'repository' },
      { type: 'registryStatus' },
      { type: 'refreshNow', url: 'https://a.example' },
      { type: 'constructor', url: 'https://a.example' },
      Object.create({ type: 'boot', url: 'https://a.example' }),
      Object.assign(Object.create(null), { type: 'boot', url: 'https://a.example' }),
    ];
    for (const m of refused) expect(firstAsk(m), JSON.stringify(m)).toBeUndefined();
  });

  it('never takes a message the protocol refuses, and gives what the protocol gives (generated messages)', () => {
    const values = [undefined, null, '', 'https://github.com/a/b', 'x'.repeat(4096), 'x'.repeat(4097), 1, true, {}, [], 'repository', 'organisation', 'other', 'team'];
    const keys = ['type', 'url', 'kind', 'extra'];
    const types = ['boot', 'lookup', 'provenance', 'registryStatus', '__proto__'];
    let taken = 0;
    for (const type of types)
      for (const url of values)
        for (const kind of values)
          for (const present of [0, 1, 2, 3]) {
            const m: Record<string, unknown> = { type, url };
            if (present & 1) m.kind = kind;
            if (present & 2) m[keys[3]!] = kind;
            const ask = firstAsk(m);
            if (!ask) continue;
            taken++;
            const parsed = parseMessage(m);
            expect(parsed.success, JSON.stringify(m)).toBe(true);
            if (parsed.success) expect(parsed.data).toEqual(ask);
          }
    expect(taken).toBeGreaterThan(10);
  });
});

describe('the forwarder: the whole worker gets the event that woke it, once', () => {
  class Event implements EventLike {
    listeners: Array<(...a: unknown[]) => unknown> = [];
    addListener(listener: (...a: unknown[]) => unknown) {
      this.listeners.push(listener);
    }
    /** As the browser dispatches: to the listeners there when the event came. */
    fire(...args: unknown[]) {
      return [...this.listeners].map((l) => l(...args));
    }
  }

  function world() {
    const message = new Event();
    const alarm = new Event();
    const got: string[] = [];
    let loads = 0;
    const forwarder = createForwarder(
      new Map<string, EventLike>([
        ['runtime.onMessage', message],
        ['alarms.onAlarm', alarm],
      ]),
      () => {
        loads++;
        // The whole worker adds its own listeners as it runs.
        message.addListener((m) => {
          got.push(`message ${String(m)}`);
          return true;
        });
        alarm.addListener((a) => void got.push(`alarm ${String(a)}`));
      },
    );
    alarm.addListener(forwarder.listener('alarms.onAlarm'));
    return { message, alarm, got, forwarder, loads: () => loads };
  }

  it('hands the waking event to the listeners the whole worker added, then steps aside', () => {
    const w = world();
    expect(w.forwarder.loaded()).toBe(false);
    w.alarm.fire('refresh');
    expect(w.got).toEqual(['alarm refresh']);
    expect(w.forwarder.loaded()).toBe(true);
    // Later events: the whole worker's own listener has them from the browser; the first part's does nothing.
    w.alarm.fire('again');
    expect(w.got).toEqual(['alarm refresh', 'alarm again']);
    expect(w.loads()).toBe(1);
  });

  it('gives back what the listeners returned (true: a reply comes later)', () => {
    const w = world();
    expect(w.forwarder.forward('runtime.onMessage', ['m'])).toBe(true);
    expect(w.got).toEqual(['message m']);
  });

  it('puts each event’s own addListener back, whether loading worked or threw', () => {
    const own = new Event();
    const ownAdd = vi.fn();
    Object.defineProperty(own, 'addListener', { value: ownAdd, writable: true, configurable: true });
    const inherited = new Event();
    const forwarder = createForwarder(
      new Map<string, EventLike>([
        ['own', own],
        ['inherited', inherited],
      ]),
      () => {
        throw new Error('the script could not be read');
      },
    );
    expect(() => forwarder.load()).toThrow('could not be read');
    expect(own.addListener).toBe(ownAdd);
    expect(Object.hasOwn(inherited, 'addListener')).toBe(false);
    expect(forwarder.loaded()).toBe(false);
  });
});

describe('answerFirst: the first part’s answer from session storage', () => {
  /** The panel's messages as the whole worker writes them (lib/i18n/message-templates.ts: marks for substitutions). */
  const MESSAGES = { ospo: 'OSPO', dataSources: 'Data: \uE000' };
  const stored = (): Record<string, unknown> => ({ ...records, [CONTENT_SETTINGS_KEY]: SETTINGS, [PANEL_MESSAGES_KEY]: MESSAGES });

  it('answers a lookup and a boot as the whole worker does, in one read (two on a self-hosted forge)', async () => {
    const area = memoryArea(stored());
    const mark = vi.fn(async () => undefined);
    const url = 'https://github.com/IGNF/itowns';
    expect(await answerFirst({ type: 'lookup', url }, 7, { area, markNotPublic: mark })).toEqual({ value: lookup(index, url) });
    expect(area.calls).toEqual(['get 6']);
    // A self-hosted forge: its forge is in meta, then its records.
    const other = 'https://gitlab.mim-libre.fr/EOLE/Zephir/zcli';
    area.calls.length = 0;
    expect(await answerFirst({ type: 'lookup', url: other }, 7, { area, markNotPublic: mark })).toEqual({ value: lookup(index, other) });
    expect(area.calls).toEqual(['get 2', 'get 5']);
    // A page that needs the panel: the whole worker's answer, the messages it wrote in it, in one read (the settings and
    // the messages with the records); the whole worker is to load next (the panel asks it for its licence).
    area.calls.length = 0;
    const panelReply = bootReply(index, SETTINGS, url, () => MESSAGES);
    expect(panelReply).toMatchObject({ panel: true, seed: { messages: MESSAGES } });
    expect(await answerFirst({ type: 'boot', url }, 7, { area, markNotPublic: mark })).toEqual({ value: panelReply, wholeNext: true });
    expect(area.calls).toEqual(['get 8']);
    expect(mark).not.toHaveBeenCalled();
    // No public body's page: no panel, and the tab is marked so: the whole worker's answer.
    const linux = 'https://github.com/torvalds/linux';
    expect(await answerFirst({ type: 'boot', url: linux }, 7, { area, markNotPublic: mark })).toEqual({ value: bootReply(index, SETTINGS, linux, messages) });
    expect(bootReply(index, SETTINGS, linux, messages)).toEqual({ panel: false });
    expect(mark).toHaveBeenCalledWith(7);
    // With the licence card everywhere, that page needs the panel too.
    mark.mockClear();
    const everywhere = memoryArea({ ...stored(), [CONTENT_SETTINGS_KEY]: { ...SETTINGS, licenceEverywhere: true } });
    expect(await answerFirst({ type: 'boot', url: linux }, 7, { area: everywhere, markNotPublic: mark })).toEqual({ value: bootReply(index, { ...SETTINGS, licenceEverywhere: true }, linux, () => MESSAGES), wholeNext: true });
    expect(mark).not.toHaveBeenCalled();
  });

  it('answers every boot as the whole worker would, on every real page; without the messages, only those that show no panel', async () => {
    const area = memoryArea(stored());
    const { [PANEL_MESSAGES_KEY]: _messages, ...withoutMessages } = stored();
    const bare = memoryArea(withoutMessages);
    const mark = async () => undefined;
    let panels = 0;
    let none = 0;
    for (const url of urlsOf(registry).slice(0, 3000)) {
      const whole = bootReply(index, SETTINGS, url, () => MESSAGES);
      expect(await answerFirst({ type: 'boot', url }, 1, { area, markNotPublic: mark }), url).toEqual(whole.panel ? { value: whole, wholeNext: true } : { value: whole });
      expect(await answerFirst({ type: 'boot', url }, 1, { area: bare, markNotPublic: mark }), url).toEqual(whole.panel ? undefined : { value: whole });
      if (whole.panel) panels++;
      else none++;
    }
    expect(panels).toBeGreaterThan(1000);
    expect(none).toBeGreaterThan(10);
  });

  it('takes the messages only as an object of strings: anything else, and the whole worker answers a boot with a panel', async () => {
    const mark = vi.fn(async () => undefined);
    const url = 'https://github.com/IGNF/itowns';
    for (const bad of [null, 'OSPO', ['OSPO'], { ospo: 1 }, { ospo: { toString: 'x' } }]) {
      expect(panelMessagesFrom(bad)).toBeUndefined();
      expect(await answerFirst({ type: 'boot', url }, 1, { area: memoryArea({ ...stored(), [PANEL_MESSAGES_KEY]: bad }), markNotPublic: mark })).toBeUndefined();
    }
    expect(panelMessagesFrom(MESSAGES)).toEqual(MESSAGES);
    expect(mark).not.toHaveBeenCalled();
  });

  it('answers nothing without the slices, or a boot without the settings: the whole worker does', async () => {
    const mark = vi.fn(async () => undefined);
    const url = 'https://github.com/IGNF/itowns';
    expect(await answerFirst({ type: 'lookup', url }, 1, { area: memoryArea({ [CONTENT_SETTINGS_KEY]: SETTINGS }), markNotPublic: mark })).toBeUndefined();
    const { [META_KEY]: _meta, ...noMeta } = stored();
    expect(await answerFirst({ type: 'boot', url }, 1, { area: memoryArea(noMeta), markNotPublic: mark })).toBeUndefined();
    const { [CONTENT_SETTINGS_KEY]: _settings, ...noSettings } = stored();
    expect(await answerFirst({ type: 'boot', url }, 1, { area: memoryArea(noSettings), markNotPublic: mark })).toBeUndefined();
    expect(await answerFirst({ type: 'boot', url }, 1, { area: memoryArea({ ...noSettings, [CONTENT_SETTINGS_KEY]: { panelCollapsed: 'yes' } }), markNotPublic: mark })).toBeUndefined();
    // A lookup needs no settings.
    expect(await answerFirst({ type: 'lookup', url }, 1, { area: memoryArea(noSettings), markNotPublic: mark })).toEqual({ value: lookup(index, url) });
    expect(mark).not.toHaveBeenCalled();
  });

  it('reads the settings copy field by field', () => {
    expect(contentSettingsFrom({ ...SETTINGS, extra: 'x' })).toEqual(SETTINGS);
    expect(contentSettingsFrom({ ...SETTINGS, panelsHidden: 1 })).toBeUndefined();
    expect(contentSettingsFrom(null)).toBeUndefined();
  });
});

describe('publishSlices and the settings copy (the whole worker writes them)', () => {
  it('writes the slices with meta last, replaces another registry’s, and leaves the same registry’s alone', async () => {
    const area = memoryArea({ 'ol:e:github.com/gone': { entry: { key: 'github.com/gone' } }, [META_KEY]: { ...meta, stamp: 'older' }, [CONTENT_SETTINGS_KEY]: SETTINGS, other: 1 });
    await publishSlices(area, registry);
    expect(area.calls.at(-1)).toBe('set meta');
    expect(area.calls.indexOf('remove meta')).toBeLessThan(area.calls.indexOf('remove 1'));
    expect(area.data.has('ol:e:github.com/gone')).toBe(false);
    expect(area.data.get(CONTENT_SETTINGS_KEY)).toEqual(SETTINGS);
    expect(area.data.get('other')).toBe(1);
    expect(metaOf(area.data.get(META_KEY))?.stamp).toBe(stampOf(registry));
    expect(area.data.size).toBe(Object.keys(records).length + 2);
    area.calls.length = 0;
    await publishSlices(area, registry);
    expect(area.calls).toEqual(['get 1']);
  });

  it('a failed write leaves no meta: the first part then answers nothing', async () => {
    const area = memoryArea();
    area.set = async () => {
      throw new Error('quota');
    };
    await expect(publishSlices(area, registry)).rejects.toThrow('quota');
    expect(area.data.has(META_KEY)).toBe(false);
  });

  it('the settings copy is written until it matches what is stored (a page that changed them meanwhile wins)', async () => {
    const area = memoryArea();
    const newer = { ...SETTINGS, licenceEverywhere: true };
    await mirrorContentSettings(area, SETTINGS, async () => newer);
    expect(area.data.get(CONTENT_SETTINGS_KEY)).toEqual(newer);
    // Stored settings that keep changing: no copy at all rather than a wrong one.
    let n = 0;
    await mirrorContentSettings(area, SETTINGS, async () => ({ ...SETTINGS, panelCollapsed: n++ % 2 === 0 }));
    expect(area.data.has(CONTENT_SETTINGS_KEY)).toBe(false);
  });
  it('the messages’ copy is resolved and written only where it is missing, and a slices’ refresh keeps it', async () => {
    const area = memoryArea();
    const resolve = vi.fn(() => ({ ospo: 'OSPO' }));
    await keepPanelMessages(area, resolve);
    expect(area.data.get(PANEL_MESSAGES_KEY)).toEqual({ ospo: 'OSPO' });
    await keepPanelMessages(area, resolve);
    expect(resolve).toHaveBeenCalledTimes(1);
    // A copy that is not an object of strings is written again.
    area.data.set(PANEL_MESSAGES_KEY, { ospo: 3 });
    await keepPanelMessages(area, resolve);
    expect(area.data.get(PANEL_MESSAGES_KEY)).toEqual({ ospo: 'OSPO' });
    await publishSlices(area, registry);
    expect(area.data.get(PANEL_MESSAGES_KEY)).toEqual({ ospo: 'OSPO' });
  });
});

describe('startFirstPart: the worker’s first part as it runs (fake events and storage)', () => {
  type Listener = (...args: unknown[]) => unknown;
  /** A worker's globals and `chrome` as the first part sees them, the session storage holding what the whole worker left. */
  function worker(session: Record<string, unknown>) {
    const listeners = new Map<string, Listener[]>();
    const event = (name: string) => ({ addListener: (l: Listener) => void listeners.set(name, [...(listeners.get(name) ?? []), l]) });
    const imported: string[] = [];
    const chrome = {
      runtime: { onMessage: event('message'), onInstalled: event('installed'), onStartup: event('startup') },
      alarms: { onAlarm: event('alarm') },
      permissions: { onAdded: event('added'), onRemoved: event('removed') },
      storage: { session: memoryArea(session) },
      action: { setBadgeText: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined) },
      i18n: { getMessage: (key: string) => key },
    };
    const scope = { importScripts: (...urls: string[]) => void imported.push(...urls), addEventListener: () => undefined } as never;
    startFirstPart(chrome as never, scope);
    const ask = (message: unknown) =>
      new Promise<unknown>((resolve) => {
        const kept = listeners.get('message')![0]!(message, { tab: { id: 3 }, url: 'https://github.com/' }, resolve);
        expect(kept).toBe(true);
      });
    return { ask, imported };
  }
  const MESSAGES = { publicSector: 'Public sector' };
  const settle = () => new Promise((r) => setTimeout(r, 5));

  it('answers a page of no public body and loads nothing; answers a public body’s page, then loads the whole worker at once', async () => {
    const w = worker({ ...records, [CONTENT_SETTINGS_KEY]: SETTINGS, [PANEL_MESSAGES_KEY]: MESSAGES });
    expect(await w.ask({ type: 'boot', url: 'https://github.com/torvalds/linux' })).toEqual({ ok: true, value: { panel: false } });
    await settle();
    expect(w.imported).toEqual([]);
    const url = 'https://github.com/IGNF/itowns';
    expect(await w.ask({ type: 'boot', url })).toEqual({ ok: true, value: bootReply(index, SETTINGS, url, () => MESSAGES) });
    // No other question came: the whole worker is loaded for the panel's next one.
    await settle();
    expect(w.imported).toEqual(['/background.js']);
  });
});
