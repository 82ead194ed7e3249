import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_SOURCES_DIR } from '@/lib/cli/read-sources';
import { FIRST_PART_SCRIPT } from '@/lib/first/script';
import { defsOf, HEAVY, installHeavy, type HeavyEnv, type HeavyJob } from '@/lib/heavy/api';
import { HEAVY_GLOBAL, HEAVY_SCRIPT, heavy, localRunner } from '@/lib/heavy/load';
import { fromServiceWorker, IDLE_MS, startRelay, type RelayRuntime, type RelaySender, type WorkerLike } from '@/lib/heavy/relay';
import { COMPILER_DOCUMENT, HEAVY_MESSAGE, remoteRunner } from '@/lib/heavy/remote';
import { extensionRunner } from '@/lib/heavy/runner';
import { serveJobs } from '@/lib/heavy/serve';
import { SOURCE_INFO } from '@/lib/registry/builtin-sources';
import { compileRegistry } from '@/lib/registry/compile';
import { downloadSources } from '@/lib/registry/download-sources';
import { refreshRegistry } from '@/lib/registry/refresh';
import type { CompiledRegistry } from '@/lib/registry/schema';
import { customSourceInfo, infoOf, type SourceInfo } from '@/lib/registry/source-info';
import { memoryRegistryStore, type RegistryStore } from '@/lib/registry/store';
import { SOURCES } from '@/lib/registry/sources';
import { customRegistrySource } from '@/lib/registry/sources/custom';

describe('the sources as the service worker knows them (no readers)', () => {
  it('are the built-in sources, in their order, field for field (npm run data writes them)', () => {
    expect(SOURCE_INFO).toEqual(SOURCES.map(infoOf));
    expect(SOURCE_INFO.every((s) => !('parse' in s))).toBe(true);
  });

  it('a custom registry: its record is the reader’s, and an unsafe URL is refused before either exists', () => {
    const url = 'https://registry.example.org/ospo-lens.json';
    const { parse, ...record } = customRegistrySource(url);
    expect(typeof parse).toBe('function');
    expect(record).toEqual(customSourceInfo(url));
    expect(() => customSourceInfo('http://registry.example.org/x.json')).toThrow(/custom registry/);
  });

  it('records are given back their readers: built-in by id, custom by URL; a record of neither is left out', () => {
    const custom = customSourceInfo('https://registry.example.org/ospo-lens.json');
    const defs = defsOf([SOURCE_INFO[1]!, custom, { ...SOURCE_INFO[0]!, id: 'not-a-source' }, SOURCE_INFO[0]!]);
    expect(defs.map((d) => d.id)).toEqual([SOURCE_INFO[1]!.id, custom.id, SOURCE_INFO[0]!.id]);
    expect(defs[0]).toBe(SOURCES[1]);
    expect(defs[1]!.parse(JSON.stringify({ schemaVersion: 2, entries: [] })).accounts).toEqual([]);
  });

  it('a custom registry is read as its source would: valid entries counted, an unreadable text is no registry', async () => {
    const url = 'https://registry.example.org/ospo-lens.json';
    const text = JSON.stringify({ schemaVersion: 2, entries: [{ key: 'github.com/some-body', display: 'https://github.com/some-body', name: 'Some body', country: 'FR' }, { key: 5 }] });
    expect(await HEAVY.run({ job: 'custom', url, text }, NO_ENV)).toEqual({ entries: 1, rejected: 1 });
    expect(await HEAVY.run({ job: 'custom', url, text: '<html>' }, NO_ENV)).toBeNull();
  });
});

/** Jobs that reach no store. */
const NO_ENV: HeavyEnv = { store: () => { throw new Error('no store'); }, bundledText: async () => undefined, now: () => 0 };
const ACCOUNTS = readFileSync(join(BUNDLED_SOURCES_DIR, 'fr-codegouvfr/comptes-organismes-publics.yml'), 'utf8');
const WITH_NEW_OWNER = ACCOUNTS.replace(/^github\.com:\n  forge: github\n  owners:\n/m, (m) => `${m}    ospo-lens-test-body:\n      pso_id: f610de75-2107-4543-a4e3-fd501a8b611c\n`);

describe('the heavy jobs: plain data in, plain data out (they cross a message on Chrome)', () => {
  const sources = SOURCE_INFO.filter((s) => s.id === 'codegouvfr-accounts' || s.id === 'codegouvfr-organisations');
  const bundledText = async (def: SourceInfo) => (def.file ? readFileSync(join(BUNDLED_SOURCES_DIR, def.file), 'utf8') : undefined);
  const envOf = (stores: Map<string, RegistryStore>): HeavyEnv => ({
    store: (writer) => stores.get(writer) ?? stores.set(writer, memoryRegistryStore()).get(writer)!,
    bundledText,
    now: () => Date.parse('2026-12-01T00:00:00Z'),
  });

  it('a refresh in two steps (downloads here, the rest as a job) gives what refreshRegistry gives, and its answer survives JSON', async () => {
    const fetchOf = (body: string) => (async () => new Response(body, { status: 200, headers: { 'content-type': 'application/yaml', etag: '"v2"' } })) as typeof fetch;
    const whole = memoryRegistryStore();
    const once = await refreshRegistry({ store: whole, fetch: fetchOf(WITH_NEW_OWNER), bundledText, now: () => Date.parse('2026-12-01T00:00:00Z') }, defsOf(sources));

    const stores = new Map<string, RegistryStore>();
    const env = envOf(stores);
    const downloads = await downloadSources({ store: env.store('0.9.0'), fetch: fetchOf(WITH_NEW_OWNER), now: env.now }, sources);
    expect(downloads.map((d) => [d.id, d.result.kind])).toEqual([['codegouvfr-accounts', 'fresh']]);
    const job = JSON.parse(JSON.stringify({ job: 'keep', writer: '0.9.0', sources, downloads })) as HeavyJob;
    const summary = JSON.parse(JSON.stringify(await HEAVY.run(job, env)));
    const { registry, ...expected } = once;
    expect(summary).toEqual(expected);
    expect(summary.updated).toEqual(['codegouvfr-accounts']);
    // What the job stored is what refreshRegistry stored, under the writer it was given.
    const stored = await stores.get('0.9.0')!.getCompiled();
    expect(stored).toEqual(await whole.getCompiled());
    expect((stored as CompiledRegistry).entries.some((e) => e.key === 'github.com/ospo-lens-test-body')).toBe(true);
    expect((stored as CompiledRegistry).generatedAt).toBe(registry.generatedAt);
  });

  it('a download of a source no longer in the settings is not kept', async () => {
    const stores = new Map<string, RegistryStore>();
    const env = envOf(stores);
    const downloads = [{ id: 'codegouvfr-accounts', checkedAt: 1, result: { kind: 'fresh' as const, text: WITH_NEW_OWNER } }];
    const summary = await HEAVY.run({ job: 'keep', writer: 'w', sources: sources.filter((s) => s.id !== 'codegouvfr-accounts'), downloads }, env);
    expect(summary.updated).toEqual([]);
    expect(await stores.get('w')!.getCopy('codegouvfr-accounts')).toBeUndefined();
  });

  it('a recompile stores the registry compiled from what is stored', async () => {
    const stores = new Map<string, RegistryStore>();
    expect(await HEAVY.run({ job: 'recompile', writer: 'w', sources }, envOf(stores))).toBeNull();
    const stored = (await stores.get('w')!.getCompiled()) as CompiledRegistry;
    const inputs = await Promise.all(defsOf(sources).map(async (def) => ({ def, text: (await bundledText(def))! })));
    expect(stored).toEqual(compileRegistry(inputs, '2026-12-01T00:00:00.000Z'));
    expect(stored.entries.length).toBeGreaterThan(300);
  });

  it('a registry is validated in full (null when it is not one), a publiccode.yml read (null when it is not one)', async () => {
    const registry = compileRegistry(await Promise.all(defsOf(sources).map(async (def) => ({ def, text: (await bundledText(def))! }))), '2026-12-01T00:00:00Z');
    expect(await HEAVY.run({ job: 'usable', value: JSON.parse(JSON.stringify(registry)) }, NO_ENV)).toEqual(JSON.parse(JSON.stringify(registry)));
    expect(await HEAVY.run({ job: 'usable', value: { ...registry, entries: [{ key: 5 }] } }, NO_ENV)).toBeNull();
    expect(await HEAVY.run({ job: 'publiccode', text: 'publiccodeYmlVersion: "0.4"\nname: Outil\nlegal:\n  license: EUPL-1.2\n' }, NO_ENV)).toMatchObject({ name: 'Outil', licence: 'EUPL-1.2' });
    expect(await HEAVY.run({ job: 'publiccode', text: '<!doctype html>' }, NO_ENV)).toBeNull();
  });
});

describe('where the heavy jobs run', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    installHeavy();
  });

  it('here, once the heavy code is installed', async () => {
    expect(await heavy()).toBe(HEAVY);
    expect(await localRunner(NO_ENV)({ job: 'custom', url: 'https://registry.example.org/r.json', text: '{}' })).toBeNull();
  });

  it('in a page (Firefox): the heavy script is loaded by a script element; a failure is not remembered', async () => {
    delete (globalThis as Record<string, unknown>)[HEAVY_GLOBAL];
    const appended: Array<{ src: string; onload: () => void; onerror: () => void }> = [];
    vi.stubGlobal('document', { createElement: () => ({}), head: { append: (s: (typeof appended)[number]) => appended.push(s) } });
    const first = heavy();
    appended[0]!.onerror();
    await expect(first).rejects.toThrow(/could not be read/);
    const second = heavy();
    installHeavy();
    appended[1]!.onload();
    expect(await second).toBe(HEAVY);
    expect(appended.map((s) => s.src)).toEqual([HEAVY_SCRIPT, HEAVY_SCRIPT]);
  });

  it('in a service worker, never: it has no page to load it into (Chrome runs the jobs in the compiler\'s document)', async () => {
    delete (globalThis as Record<string, unknown>)[HEAVY_GLOBAL];
    vi.stubGlobal('importScripts', vi.fn());
    await expect(heavy()).rejects.toThrow(/cannot be loaded/);
  });

  it('Chrome, with the offscreen API, sends them to the compiler\'s document; Firefox runs them in its page', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: { entries: 2, rejected: 0 } }));
    const offscreen = { createDocument: vi.fn(async () => undefined) };
    const remote = extensionRunner({ runtime: { sendMessage }, offscreen }, 'chrome-extension://id');
    expect(await remote({ job: 'custom', url: 'https://r.example.org/r.json', text: '{}' })).toEqual({ entries: 2, rejected: 0 });
    expect(sendMessage).toHaveBeenCalledWith({ [HEAVY_MESSAGE]: { job: 'custom', url: 'https://r.example.org/r.json', text: '{}' } });
    const local = extensionRunner({ runtime: { sendMessage } }, 'moz-extension://id');
    expect(await local({ job: 'custom', url: 'https://r.example.org/r.json', text: '{}' })).toBeNull();
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});

describe('the compiler\'s document (Chrome)', () => {
  /** Chrome's offscreen API as it behaves: one document at a time, a creation that takes a while. */
  const offscreenApi = () => {
    const state = { open: false, created: 0 };
    const api = {
      createDocument: vi.fn(async (p: { url: string; reasons: string[] }) => {
        await new Promise((r) => setTimeout(r, 5));
        if (state.open) throw new Error('Only a single offscreen document may be created.');
        expect([p.url, p.reasons]).toEqual([COMPILER_DOCUMENT, ['WORKERS']]);
        state.open = true;
        state.created++;
      }),
    };
    return { state, api };
  };
  const echo = (state: { open: boolean }) =>
    vi.fn(async (m: unknown) => {
      if (!state.open) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: (m as Record<string, { text: string }>)[HEAVY_MESSAGE]!.text };
    });

  it('jobs that come together share one opening; a document already open is used', async () => {
    const { state, api } = offscreenApi();
    const run = remoteRunner(echo(state), api);
    expect(await Promise.all([run({ job: 'publiccode', text: 'a' }), run({ job: 'publiccode', text: 'b' })])).toEqual(['a', 'b']);
    expect(state.created).toBe(1);
    expect(await run({ job: 'publiccode', text: 'c' })).toBe('c');
    expect(state.created).toBe(1); // its "single document" refusal means it is there
  });

  it('warmed ahead of a job, it is opened then, and the job finds it open', async () => {
    const { state, api } = offscreenApi();
    const sendMessage = echo(state);
    const run = remoteRunner(sendMessage, api);
    run.warm();
    await vi.waitFor(() => expect(state.open).toBe(true));
    expect(sendMessage).not.toHaveBeenCalled();
    expect(await run({ job: 'publiccode', text: 'a' })).toBe('a');
    expect(state.created).toBe(1);
    // A failed opening while warming is no error there: the job meets it.
    const failing = remoteRunner(sendMessage, { createDocument: vi.fn().mockRejectedValue(new Error('no offscreen')) });
    failing.warm();
    await expect(failing({ job: 'publiccode', text: 'b' })).rejects.toThrow('no offscreen');
  });

  it('a job sent as the document closed itself is sent once more, to a new one', async () => {
    const { state, api } = offscreenApi();
    const sendMessage = echo(state);
    const run = remoteRunner(sendMessage, api);
    expect(await run({ job: 'publiccode', text: 'a' })).toBe('a');
    state.open = false; // closed by itself between the opening's check and the message
    api.createDocument.mockImplementationOnce(async () => undefined); // the check still saw it open
    expect(await run({ job: 'publiccode', text: 'b' })).toBe('b');
    expect(state.created).toBe(2);
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('its error, a failed opening or no answer is the job\'s error; a failed opening is tried again next time', async () => {
    const replies: unknown[] = [{ ok: false, error: 'unreadable' }, undefined, 'yes', { ok: true, value: 1 }];
    const run = remoteRunner(async () => replies.shift(), { createDocument: async () => undefined });
    await expect(run({ job: 'publiccode', text: '' })).rejects.toThrow('unreadable');
    await expect(run({ job: 'publiccode', text: '' })).rejects.toThrow(/did not answer/);
    await expect(run({ job: 'publiccode', text: '' })).rejects.toThrow(/did not answer/);
    expect(await run({ job: 'publiccode', text: '' })).toBe(1);
    const broken = remoteRunner(async () => ({ ok: true, value: 2 }), { createDocument: vi.fn().mockRejectedValueOnce(new Error('no offscreen')).mockResolvedValue(undefined) });
    await expect(broken({ job: 'publiccode', text: '' })).rejects.toThrow('no offscreen');
    expect(await broken({ job: 'publiccode', text: '' })).toBe(2);
  });

  const ID = 'abcdefghijklmnop';
  const runtimeWith = () => {
    let listener: Parameters<RelayRuntime['onMessage']['addListener']>[0] | undefined;
    const runtime: RelayRuntime = { id: ID, getURL: (p) => `chrome-extension://${ID}/${p.replace(/^\//, '')}`, onMessage: { addListener: (l) => (listener = l) } };
    return { runtime, send: (message: unknown, sender: RelaySender) => new Promise<{ returned: unknown; reply?: unknown }>((resolve) => {
      const returned = listener!(message, sender, (reply) => resolve({ returned, reply }));
      if (returned !== true) resolve({ returned });
    }) };
  };
  /** A worker running the real heavy code, with no store. */
  const workerRunning = () => {
    const scope = { listeners: {} as Record<string, (e: { data: unknown }) => void>, posted: [] as unknown[] };
    const toRelay: Array<(e: { data: unknown }) => void> = [];
    serveJobs({ addEventListener: (_t, l) => (scope.listeners.message = l), postMessage: (r) => toRelay.forEach((l) => l({ data: JSON.parse(JSON.stringify(r)) })) }, HEAVY, NO_ENV);
    const posted: unknown[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => {
        posted.push(m);
        scope.listeners.message!({ data: JSON.parse(JSON.stringify(m)) });
      },
      addEventListener: ((type: string, l: (e: { data: unknown }) => void) => type === 'message' && toRelay.push(l)) as WorkerLike['addEventListener'],
    };
    return { worker, posted };
  };

  it('answers a job from the extension\'s service worker, run by the heavy code in its worker', async () => {
    const { runtime, send } = runtimeWith();
    const { worker } = workerRunning();
    startRelay(runtime, worker, () => undefined);
    const fromWorker = { id: ID, url: `chrome-extension://${ID}/${FIRST_PART_SCRIPT}` };
    expect(fromServiceWorker(runtime, fromWorker)).toBe(true);
    expect(await send({ [HEAVY_MESSAGE]: { job: 'custom', url: 'https://r.example.org/r.json', text: '{}' } }, fromWorker)).toEqual({ returned: true, reply: { ok: true, value: null } });
    const yml = 'publiccodeYmlVersion: "0.4"\nname: Outil\n';
    expect(await send({ [HEAVY_MESSAGE]: { job: 'publiccode', text: yml } }, fromWorker)).toEqual({ returned: true, reply: { ok: true, value: expect.objectContaining({ name: 'Outil' }) } });
    // A job that fails in the worker: its reason, one line.
    expect(await send({ [HEAVY_MESSAGE]: { job: 'recompile', writer: 'w', sources: [] } }, fromWorker)).toEqual({ returned: true, reply: { ok: false, error: 'no store' } });
  });

  it('answers nothing else: not a content script, not another page of the extension, not another extension, not another message', async () => {
    const { runtime, send } = runtimeWith();
    const { worker, posted } = workerRunning();
    startRelay(runtime, worker, () => undefined);
    const job = { [HEAVY_MESSAGE]: { job: 'recompile', writer: 'w', sources: [] } };
    const senders: RelaySender[] = [
      { id: ID, url: 'https://github.com/etalab/DVF-app', tab: { id: 3 } }, // a content script
      { id: ID, url: `chrome-extension://${ID}/${FIRST_PART_SCRIPT}`, tab: { id: 3 } }, // claims the worker's URL, from a tab
      { id: ID, url: `chrome-extension://${ID}/options.html` },
      { id: ID, url: `chrome-extension://${ID}/background.js` },
      { id: 'another-extension', url: `chrome-extension://another-extension/${FIRST_PART_SCRIPT}` },
      { id: ID },
    ];
    for (const sender of senders) expect(await send(job, sender), JSON.stringify(sender)).toEqual({ returned: undefined });
    const fromWorker = { id: ID, url: `chrome-extension://${ID}/${FIRST_PART_SCRIPT}` };
    for (const message of [{ type: 'lookup', url: 'https://github.com/etalab' }, null, 'x', {}]) expect(await send(message, fromWorker)).toEqual({ returned: undefined });
    expect(posted).toEqual([]);
  });

  it('closes itself after IDLE_MS with no job, never while a job waits; a job puts it off; opened for none, it closes too', async () => {
    vi.useFakeTimers();
    try {
      const { runtime, send } = runtimeWith();
      const posted: Array<{ id: number }> = [];
      let toRelay: ((e: { data: unknown }) => void) | undefined;
      const close = vi.fn();
      startRelay(runtime, { postMessage: (m) => void posted.push(m), addEventListener: ((type: string, l: (e: { data: unknown }) => void) => void (type === 'message' && (toRelay = l))) as unknown as WorkerLike['addEventListener'] }, close);
      const fromWorker = { id: ID, url: `chrome-extension://${ID}/${FIRST_PART_SCRIPT}` };
      vi.advanceTimersByTime(IDLE_MS - 1);
      expect(close).not.toHaveBeenCalled();
      const waiting = send({ [HEAVY_MESSAGE]: { job: 'publiccode', text: '' } }, fromWorker);
      vi.advanceTimersByTime(IDLE_MS * 3); // a long job
      expect(close).not.toHaveBeenCalled();
      toRelay!({ data: { id: posted[0]!.id, ok: true, value: null } });
      expect(await waiting).toEqual({ returned: true, reply: { ok: true, value: null } });
      vi.advanceTimersByTime(IDLE_MS - 1);
      expect(close).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(close).toHaveBeenCalledTimes(1);
      // Opened for a job that never came.
      const other = vi.fn();
      startRelay(runtimeWith().runtime, { postMessage: () => undefined, addEventListener: () => undefined }, other);
      vi.advanceTimersByTime(IDLE_MS);
      expect(other).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a worker that fails tells every job waiting, and the document closes (the next job opens a new one)', async () => {
    const { runtime, send } = runtimeWith();
    let onError: ((e: { message?: string }) => void) | undefined;
    const close = vi.fn();
    startRelay(runtime, { postMessage: () => undefined, addEventListener: ((type: string, l: (e: { message?: string }) => void) => void (type === 'error' && (onError = l))) as unknown as WorkerLike['addEventListener'] }, close);
    const waiting = send({ [HEAVY_MESSAGE]: { job: 'publiccode', text: '' } }, { id: ID, url: `chrome-extension://${ID}/${FIRST_PART_SCRIPT}` });
    onError!({ message: 'SyntaxError' });
    expect(await waiting).toEqual({ returned: true, reply: { ok: false, error: "the compiler's worker failed: SyntaxError" } });
    expect(close).toHaveBeenCalledTimes(1);
  });
});
