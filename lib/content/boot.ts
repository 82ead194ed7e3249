/**
 * The lean bootstrap's flow (#23): on every forge page, the only code that runs is this — ask the background whether
 * the page needs the panel, and again on each in-page navigation, until it does. The panel's code (Preact, the layout
 * tables, the page flow), shipped in the same file but not evaluated until then, then runs with the background's
 * answer and takes over the page, navigations included. Most pages a user visits are no public body's: for them
 * nothing else is evaluated. Pure: the edges are passed in.
 */
export interface BootDeps<A> {
  href(): string;
  /** What the panel needs to start on the page at this URL, or undefined when the page needs no panel. */
  ask(url: string): Promise<A | undefined>;
  /** Run the panel's code with that answer (once). */
  load(answer: A): void;
  /** Call `onChange` on in-page navigations; returns how to stop. */
  watch(onChange: () => void): () => void;
}

export function startBoot<A>(deps: BootDeps<A>): { check(): Promise<void>; loaded(): boolean } {
  let asked: string | undefined;
  let loaded = false;
  let stop: (() => void) | undefined;
  const check = async () => {
    const url = deps.href();
    if (loaded || url === asked) return;
    asked = url;
    let answer: A | undefined;
    try {
      answer = await deps.ask(url);
    } catch {
      // No answer (the extension was updated or reloaded): the next navigation asks again.
      asked = undefined;
    }
    if (answer !== undefined && !loaded) {
      loaded = true;
      stop?.();
      deps.load(answer);
    }
  };
  stop = deps.watch(() => void check());
  void check();
  return { check, loaded: () => loaded };
}

/** The background's decision, pure: the panel's code is needed for a public body's page, or everywhere with the licence card on. */
export function needsPanelCode(publicSector: boolean, licenceEverywhere: boolean): boolean {
  return publicSector || licenceEverywhere;
}
