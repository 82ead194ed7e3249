/**
 * The bench's paired ratio (lib/cli/paired.ts, #23): the median of the rounds' ratios and the 95 % interval that says
 * whether "DOMContentLoaded ≤ 1.05× without the extension" is shown, refuted or not decided by a run.
 */
import { describe, expect, it } from 'vitest';
import { describeRatio, median, pairedRatio, ratioFields, verdict } from '@/lib/cli/paired';

describe('median', () => {
  it.each([
    [[], NaN],
    [[3], 3],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[5, 5, 1, 9], 5],
  ])('%j → %d', (values, expected) => {
    expect(median(values)).toEqual(expected);
  });
});

describe('pairedRatio', () => {
  it('gives the rounds’ ratio and a zero-width interval when every round says the same', () => {
    const without = [400, 520, 610, 380, 450];
    const r = pairedRatio(without.map((v) => v * 1.1), without);
    expect(r.rounds).toBe(5);
    expect(r.ratio).toBeCloseTo(1.1, 10);
    expect(r.low).toBeCloseTo(1.1, 10);
    expect(r.high).toBeCloseTo(1.1, 10);
  });

  it('pairs round by round: what a round’s loads share (the machine slower or faster then) cancels out', () => {
    // Load times that vary almost twofold from round to round, the extension's 3 % on top of each: the rounds' ratios
    // agree exactly, where the loads themselves spread over 300–580 ms.
    const machine = [1, 1.6, 1.2, 1.9, 1.1, 1.45, 1.3, 1.75, 1.05];
    const without = machine.map((m) => 300 * m);
    const r = pairedRatio(without.map((v) => v * 1.03), without);
    expect(r.ratio).toBeCloseTo(1.03, 10);
    expect(r.high - r.low).toBeLessThan(1e-9);
  });

  it('leaves out a round where a load was not measured', () => {
    const r = pairedRatio([110, NaN, 220, 0], [100, 100, 200, 100]);
    expect(r.rounds).toBe(2);
    expect(r.ratio).toBeCloseTo(1.1, 10);
  });

  it('says nothing from no rounds, and refuses measures of different lengths', () => {
    expect(pairedRatio([], []).rounds).toBe(0);
    expect(Number.isNaN(pairedRatio([], []).ratio)).toBe(true);
    expect(() => pairedRatio([1, 2], [1])).toThrow(/different lengths/);
  });

  it('is the same for the same numbers (a seeded bootstrap), and holds the median inside its interval', () => {
    const without = [400, 410, 395, 420, 405, 430, 398, 415, 402, 425, 399, 412];
    const withExt = [412, 440, 401, 451, 409, 470, 400, 431, 420, 444, 430, 418];
    const a = pairedRatio(withExt, without);
    expect(pairedRatio(withExt, without)).toEqual(a);
    expect(a.low).toBeLessThanOrEqual(a.ratio);
    expect(a.high).toBeGreaterThanOrEqual(a.ratio);
    expect(a.low).toBeLessThan(a.high);
  });

  it('narrows with more rounds of the same spread', () => {
    const spread = [0.97, 1.0, 1.03, 1.06, 1.09, 0.99, 1.02, 1.05];
    const rounds = (n: number) => Array.from({ length: n }, (_, i) => spread[i % spread.length]!);
    const width = (n: number) => {
      const r = pairedRatio(rounds(n).map((x) => 500 * x), rounds(n).map(() => 500));
      return r.high - r.low;
    };
    expect(width(64)).toBeLessThan(width(8));
  });
});

describe('verdict on "at most 1.05"', () => {
  it.each([
    [{ low: 0.98, high: 1.04 }, 'met'],
    [{ low: 1.0, high: 1.05 }, 'met'],
    [{ low: 1.06, high: 1.12 }, 'not met'],
    [{ low: 1.01, high: 1.08 }, 'not decided'],
    [{ low: NaN, high: NaN }, 'not decided'],
  ] as const)('%j → %s', (interval, expected) => {
    expect(verdict(interval, 1.05)).toBe(expected);
  });
});

describe('the bench’s fields and words for a paired ratio', () => {
  const p = { ratio: 1.06644, low: 1.04012, high: 1.0904, rounds: 300 };
  it('gives the ratio and its interval under one name, to three decimals', () => {
    expect(ratioFields('realDclPairedRatio', p)).toEqual({ realDclPairedRatio: 1.066, realDclPairedRatioLow: 1.04, realDclPairedRatioHigh: 1.09 });
  });
  it('says the ratio, its interval, the rounds and the verdict', () => {
    expect(describeRatio(p, 1.05)).toBe('×1.066 (95 % 1.04–1.09) over 300 rounds: ≤ 1.05× not decided');
    expect(describeRatio({ ratio: 1.48, low: 1.41, high: 1.61, rounds: 40 }, 1.3)).toBe('×1.48 (95 % 1.41–1.61) over 40 rounds: ≤ 1.3× not met');
  });
});
