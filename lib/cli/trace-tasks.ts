/**
 * The page's main-thread tasks from a Chromium trace, and how much of each is the extension's script (#23: "no task
 * over 30 ms that is mostly content script"). A script's time is seen two ways, and their union is counted: the
 * timeline's script events (a content script's evaluation, a callback) and the V8 sampler's samples whose stack
 * passes through the extension's code (what runs in a promise's continuation, such as the panel's code started by
 * the background's answer, has no event of its own). Pure: a trace's events in, tasks out.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: { url?: string } }>; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface Task {
  /** When the task started (µs, trace clock). */
  start: number;
  /** The task's length, ms. */
  ms: number;
  /** Of it, ms in scripts whose URL starts with the prefix (the extension's). */
  scriptMs: number;
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
// A module's compile on the main thread is `v8.compileModule` (its parse may run on a worker thread: not the page's).
const SCRIPTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'TimerFire', 'FireAnimationFrame']);
/** A sample stands for the time to the next one, at most this (µs): a gap in sampling is not script time. */
const MAX_SAMPLE_US = 2000;

type Interval = [start: number, end: number];

/** Per thread (`pid:tid`), the intervals (µs, trace clock) in which the V8 sampler saw the prefix's code on the stack. */
function sampledScript(events: readonly TraceEvent[], prefix: string): Map<string, Interval[]> {
  const profiles = new Map<string, { thread: string; time: number; ours: Map<number, boolean>; parent: Map<number, number>; url: Map<number, string> }>();
  for (const e of events) if (e.name === 'Profile' && e.id !== undefined) profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, time: e.args?.data?.startTime ?? e.ts, ours: new Map(), parent: new Map(), url: new Map() });
  const out = new Map<string, Interval[]>();
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id !== undefined).sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const p = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) {
      p.url.set(n.id, n.callFrame.url ?? '');
      if (n.parent !== undefined) p.parent.set(n.id, n.parent);
    }
    const ours = (id: number): boolean => {
      const known = p.ours.get(id);
      if (known !== undefined) return known;
      const parent = p.parent.get(id);
      const value = (p.url.get(id) ?? '').startsWith(prefix) || (parent !== undefined && ours(parent));
      p.ours.set(id, value);
      return value;
    };
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    const list = out.get(p.thread) ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.time += deltas[i] ?? 0;
      const next = deltas[i + 1] ?? 0;
      if (ours(samples[i]!)) list.push([p.time, p.time + Math.min(next || MAX_SAMPLE_US / 2, MAX_SAMPLE_US)]);
    }
    out.set(p.thread, list);
  }
  return out;
}

/** The length of the union of `intervals` inside [from, to). */
function coveredWithin(intervals: readonly Interval[], from: number, to: number): number {
  const inside = intervals.filter(([s, e]) => e > from && s < to).map(([s, e]): Interval => [Math.max(s, from), Math.min(e, to)]).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of inside) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** The threads whose `thread_name` is `name`, as `pid:tid`. */
function threadsNamed(events: readonly TraceEvent[], name: string): Set<string> {
  return new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name).map((e) => `${e.pid}:${e.tid}`));
}

/** A thread's complete events in time order (the longer first at the same time), and its top-level tasks among them. */
function threadEvents(events: readonly TraceEvent[], thread: string): { complete: TraceEvent[]; tasks: TraceEvent[] } {
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of complete) {
    if (!TASKS.has(e.name) || e.ts < end) continue; // a task nested in another (a nested run loop) is part of it
    end = e.ts + e.dur!;
    tasks.push(e);
  }
  return { complete, tasks };
}

/** Every top-level task of the renderers' main threads, with the time the prefix's scripts took in it. */
export function mainThreadTasks(events: readonly TraceEvent[], prefix: string): Task[] {
  const samples = sampledScript(events, prefix);
  const tasks: Task[] = [];
  for (const thread of threadsNamed(events, 'CrRendererMain')) {
    const { complete, tasks: topLevel } = threadEvents(events, thread);
    const script: Interval[] = [...(samples.get(thread) ?? [])];
    for (const e of complete) if (SCRIPTS.has(e.name) && e.args?.data?.url?.startsWith(prefix)) script.push([e.ts, e.ts + e.dur!]);
    for (const e of topLevel) tasks.push({ start: e.ts, ms: e.dur! / 1000, scriptMs: coveredWithin(script, e.ts, e.ts + e.dur!) / 1000 });
  }
  return tasks;
}

/** The longest task, and the longest of those where the prefix's scripts took more than half. */
export function longestTasks(tasks: readonly Task[]): { longestMs: number; longestMostlyScriptMs: number } {
  let longestMs = 0;
  let longestMostlyScriptMs = 0;
  for (const t of tasks) {
    longestMs = Math.max(longestMs, t.ms);
    if (t.scriptMs > t.ms / 2) longestMostlyScriptMs = Math.max(longestMostlyScriptMs, t.ms);
  }
  return { longestMs, longestMostlyScriptMs };
}

/**
 * What the service workers' threads did in a trace (#23, the cold start): the time of their top-level tasks, and of
 * their scripts' evaluation in it (`EvaluateScript`: compiling and running the worker's script at its start), in ms.
 */
export function workerThreadTime(events: readonly TraceEvent[]): { taskMs: number; evaluateMs: number } {
  let taskMs = 0;
  let evaluateMs = 0;
  for (const thread of threadsNamed(events, 'ServiceWorker thread')) {
    const { complete, tasks } = threadEvents(events, thread);
    for (const e of complete) if (e.name === 'EvaluateScript') evaluateMs += e.dur! / 1000;
    for (const e of tasks) taskMs += e.dur! / 1000;
  }
  return { taskMs, evaluateMs };
}

/**
 * The prefix's script time in the tasks that started before the main frame's DOMContentLoaded (`MarkDOMContent`), ms:
 * what the extension's scripts could have added to the page's parsing (#23). Undefined without the mark.
 */
export function scriptBeforeDomContentLoaded(events: readonly TraceEvent[], prefix: string): number | undefined {
  const mark = events.find((e) => e.name === 'MarkDOMContent' && (e.args?.data as { isMainFrame?: boolean } | undefined)?.isMainFrame !== false);
  if (!mark) return undefined;
  return mainThreadTasks(events, prefix).reduce((sum, t) => (t.start < mark.ts ? sum + t.scriptMs : sum), 0);
}
