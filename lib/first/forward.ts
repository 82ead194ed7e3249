/**
 * The whole worker, loaded by its first part when a question needs it (lib/first/start.ts). A service worker is woken
 * for an event and given it only through the listeners its script added as it ran: the first part adds one to every
 * event the whole worker listens to, and the whole worker, loaded later, adds its own too late for the event that
 * woke it. So, while it loads, each event's `addListener` is watched: the listeners it adds are kept, and the event
 * that made it load is handed to them. After that the first part's listeners do nothing: the whole worker's own get
 * every later event from the browser. Pure: the events and the loading are passed in.
 */
type Listener = (...args: unknown[]) => unknown;
export interface EventLike {
  addListener(listener: Listener): void;
}

export interface Forwarder {
  /** Has the whole worker been loaded in this worker? */
  loaded(): boolean;
  /** Load it (once), keeping the listeners it adds to the watched events. */
  load(): void;
  /** Hand an event to the whole worker's listeners of it, loading it first; what they return (true: they answer later). */
  forward(name: string, args: unknown[]): unknown;
  /** The first part's own listener of an event: hand it over, unless the whole worker is loaded (it has it then). */
  listener(name: string): Listener;
}

export function createForwarder(events: ReadonlyMap<string, EventLike>, loadMain: () => void): Forwarder {
  let kept: Map<string, Listener[]> | undefined;
  const load = () => {
    if (kept) return kept;
    const got = new Map<string, Listener[]>();
    const restore: Array<() => void> = [];
    for (const [name, event] of events) {
      const own = Object.getOwnPropertyDescriptor(event, 'addListener');
      const add = event.addListener;
      event.addListener = function (this: EventLike, listener: Listener, ...rest: unknown[]) {
        got.set(name, [...(got.get(name) ?? []), listener]);
        return (add as (...a: unknown[]) => void).call(this, listener, ...rest);
      };
      restore.push(() => (own ? Object.defineProperty(event, 'addListener', own) : delete (event as Partial<EventLike>).addListener));
    }
    try {
      loadMain();
    } finally {
      for (const undo of restore) undo();
    }
    kept = got;
    return got;
  };
  const forward = (name: string, args: unknown[]) => {
    let answer: unknown;
    for (const listener of load().get(name) ?? []) {
      const result = listener(...args);
      if (result === true || (answer === undefined && result !== undefined)) answer = result;
    }
    return answer;
  };
  return {
    loaded: () => kept !== undefined,
    load: () => void load(),
    forward,
    listener: (name) => (...args) => (kept ? undefined : forward(name, args)),
  };
}
