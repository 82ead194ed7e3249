import { describe, expect, it } from 'vitest';
import { needsPanelCode, startBoot } from '@/lib/content/boot';

describe('the lean bootstrap (#23)', () => {
  function harness(publicUrls: string[], fail: string[] = []) {
    let href = 'https://github.com/torvalds/linux';
    let onChange = () => {};
    let stopped = 0;
    const asked: string[] = [];
    const loaded: string[] = [];
    const boot = startBoot({
      load: (answer: string) => void loaded.push(answer),
      href: () => href,
      ask: async (url) => {
        asked.push(url);
        if (fail.includes(url)) throw new Error('no answer');
        return publicUrls.includes(url) ? `answer for ${url}` : undefined;
      },
      watch: (f) => {
        onChange = f;
        return () => void stopped++;
      },
    });
    return {
      boot,
      asked,
      loaded,
      stopped: () => stopped,
      go: async (url: string) => {
        href = url;
        onChange();
        await new Promise((r) => setTimeout(r, 0));
      },
    };
  }

  it('asks once per page, again on an in-page move, and stops once the panel’s code runs', async () => {
    const h = harness(['https://github.com/IGNF/itowns']);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.asked).toEqual(['https://github.com/torvalds/linux']);
    expect(h.boot.loaded()).toBe(false);
    await h.go('https://github.com/torvalds/linux'); // a title change on the same page: not asked again
    expect(h.asked).toHaveLength(1);
    await h.go('https://github.com/IGNF/itowns');
    expect(h.boot.loaded()).toBe(true);
    expect(h.loaded).toEqual(['answer for https://github.com/IGNF/itowns']); // the panel's code starts with the answer
    expect(h.stopped()).toBe(1);
    await h.go('https://github.com/InseeFrLab/onyxia'); // the panel's own flow has the page now
    expect(h.asked).toEqual(['https://github.com/torvalds/linux', 'https://github.com/IGNF/itowns']);
    expect(h.loaded).toHaveLength(1);
  });

  it('no answer (the extension reloaded): the same page may ask again later', async () => {
    const h = harness([], ['https://github.com/torvalds/linux']);
    await new Promise((r) => setTimeout(r, 0));
    await h.boot.check();
    expect(h.asked).toEqual(['https://github.com/torvalds/linux', 'https://github.com/torvalds/linux']);
    expect(h.boot.loaded()).toBe(false);
  });

  it('the panel’s code is needed for a public body’s page, or everywhere with the licence card on', () => {
    expect(needsPanelCode(true, false)).toBe(true);
    expect(needsPanelCode(false, true)).toBe(true);
    expect(needsPanelCode(false, false)).toBe(false);
  });
});
