import { describe, expect, it } from 'vitest';
import { longestTasks, mainThreadTasks, scriptBeforeDomContentLoaded, workerThreadTime, type TraceEvent } from '@/lib/cli/trace-tasks';

const EXT = 'chrome-extension://abc/';
const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
const x = (name: string, ts: number, ms: number, url?: string, tid = 1): TraceEvent => ({ name, ph: 'X', ts: ts * 1000, dur: ms * 1000, pid: 7, tid, ...(url ? { args: { data: { url } } } : {}) });

describe('main-thread tasks from a trace, and the extension’s share of each (the bench’s long-task measure)', () => {
  const events: TraceEvent[] = [
    meta(7, 1, 'CrRendererMain'),
    meta(7, 2, 'Compositor'),
    x('RunTask', 0, 40), // the page's own parsing: no extension script in it
    x('EvaluateScript', 5, 10, 'https://github.com/app.js'),
    x('RunTask', 50, 35), // mostly the extension: evaluate 20 ms, a nested call inside it not counted again, a callback 8 ms
    x('EvaluateScript', 52, 20, `${EXT}content-scripts/forge.js`),
    x('FunctionCall', 55, 5, `${EXT}content-scripts/forge.js`),
    x('FunctionCall', 75, 8, `${EXT}content-scripts/forge.js`),
    x('RunTask', 60, 2), // nested run loop inside the task above: part of it
    x('RunTask', 100, 12), // a short extension task
    x('FunctionCall', 101, 11, `${EXT}content-scripts/forge.js`),
    x('RunTask', 0, 500, undefined, 2), // another thread: ignored
    x('FunctionCall', 0, 400, `${EXT}x.js`, 2),
  ];

  it('the extension’s script time in the tasks that started before the main frame’s DOMContentLoaded', () => {
    const mark = (ts: number, isMainFrame: boolean): TraceEvent => ({ name: 'MarkDOMContent', ph: 'I', ts: ts * 1000, pid: 7, tid: 1, args: { data: { isMainFrame } as never } });
    expect(scriptBeforeDomContentLoaded([...events, mark(30, false), mark(90, true)], EXT)).toBeCloseTo(28);
    expect(scriptBeforeDomContentLoaded([...events, mark(120, true)], EXT)).toBeCloseTo(39);
    expect(scriptBeforeDomContentLoaded([...events, mark(20, true)], EXT)).toBe(0);
    expect(scriptBeforeDomContentLoaded(events, EXT)).toBeUndefined();
  });

  it('counts each top-level task once, and the extension’s script time in it without double counting', () => {
    const tasks = mainThreadTasks(events, EXT);
    expect(tasks.map((t) => [t.ms, Math.round(t.scriptMs)])).toEqual([
      [40, 0],
      [35, 28],
      [12, 11],
    ]);
  });

  it('what runs in a promise’s continuation has no script event: the sampler’s stacks through the extension’s code count', () => {
    const sampled: TraceEvent[] = [
      meta(7, 1, 'CrRendererMain'),
      x('RunTask', 0, 10), // the page's: its samples are not the extension's
      x('RunTask', 20, 30), // a microtask runs the panel's code: 20 samples of 1 ms under an extension frame
      { name: 'Profile', ph: 'P', ts: 0, pid: 7, tid: 1, id: '0x1', args: { data: { startTime: 0 } } },
      {
        name: 'ProfileChunk', ph: 'P', ts: 1, pid: 7, tid: 9, id: '0x1',
        args: {
          data: {
            cpuProfile: {
              nodes: [
                { id: 1, callFrame: { url: '' } },
                { id: 2, parent: 1, callFrame: { url: `${EXT}content-scripts/forge.js` } },
                { id: 3, parent: 2, callFrame: { url: '' } }, // a native call under the extension's frame
                { id: 4, parent: 1, callFrame: { url: 'https://github.com/app.js' } },
              ],
              samples: [4, ...Array.from({ length: 20 }, (_, i) => (i % 2 ? 2 : 3)), 4],
            },
            timeDeltas: [2000, 20000, ...Array.from({ length: 20 }, () => 1000)],
          },
        },
      },
    ];
    const tasks = mainThreadTasks(sampled, EXT);
    expect(tasks.map((t) => [t.ms, Math.round(t.scriptMs)])).toEqual([
      [10, 0],
      [30, 20],
    ]);
    expect(longestTasks(tasks).longestMostlyScriptMs).toBe(30);
  });

  it('the longest task, and the longest that is mostly the extension’s script', () => {
    expect(longestTasks(mainThreadTasks(events, EXT))).toEqual({ longestMs: 40, longestMostlyScriptMs: 35 });
    expect(longestTasks(mainThreadTasks(events, 'chrome-extension://other/'))).toEqual({ longestMs: 40, longestMostlyScriptMs: 0 });
  });
});

describe('the service worker’s thread in a trace (the bench’s cold-start breakdown)', () => {
  it('its top-level tasks once each, nested ones not again, other threads not at all; and its script’s evaluation', () => {
    const events: TraceEvent[] = [
      meta(7, 1, 'CrRendererMain'),
      meta(7, 3, 'ServiceWorker thread'),
      meta(8, 3, 'ServiceWorker thread'), // another worker, in another process: counted too
      x('RunTask', 0, 50), // the page: not the worker's
      x('ThreadControllerImpl::RunTask', 10, 9, undefined, 3),
      x('EvaluateScript', 11, 6, `${EXT}background.js`, 3),
      x('RunTask', 12, 2, undefined, 3), // nested in the task above
      x('RunTask', 30, 4, undefined, 3),
      { ...x('RunTask', 0, 1, undefined, 3), pid: 8 },
    ];
    expect(workerThreadTime(events)).toEqual({ taskMs: 14, evaluateMs: 6 });
    expect(workerThreadTime(events.filter((e) => e.name !== 'thread_name'))).toEqual({ taskMs: 0, evaluateMs: 0 });
  });
});
