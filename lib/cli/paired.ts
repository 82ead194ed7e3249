/**
 * A ratio between two kinds of load measured round by round (#23: DOMContentLoaded with the extension against without
 * it). The loads of one round are taken one after the other, so a round's ratio leaves out what the machine did over
 * the run; the median of the rounds' ratios is the estimate, and a bootstrap over the rounds gives how far it could be
 * off. With the interval, "≤ 1.05×" is shown (its top is at or under 1.05), refuted (its bottom is over), or not
 * decided by the run. Pure: the same numbers give the same interval (a seeded generator).
 */

export interface PairedRatio {
  /** The median of the rounds' ratios. */
  ratio: number;
  /** The 95 % interval of that median (percentile bootstrap over the rounds). */
  low: number;
  high: number;
  /** The rounds counted: both loads measured. */
  rounds: number;
}

/** The middle of the sorted values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** mulberry32: a small seeded generator, so that an interval does not change from one reading of the same data to the next. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `top[i] / bottom[i]` round by round (a round where either is not a finite positive number is left out), their median,
 * and its 95 % interval from `resamples` resamplings of the rounds.
 */
export function pairedRatio(top: readonly number[], bottom: readonly number[], resamples = 4000, seed = 23): PairedRatio {
  if (top.length !== bottom.length) throw new Error(`paired measures of different lengths: ${top.length} and ${bottom.length}`);
  const ok = (v: number) => Number.isFinite(v) && v > 0;
  const ratios = top.flatMap((t, i) => (ok(t) && ok(bottom[i]!) ? [t / bottom[i]!] : []));
  if (ratios.length === 0) return { ratio: NaN, low: NaN, high: NaN, rounds: 0 };
  const random = generator(seed);
  const medians: number[] = [];
  const sample = new Array<number>(ratios.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < ratios.length; i++) sample[i] = ratios[Math.floor(random() * ratios.length)]!;
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  const at = (q: number) => medians[Math.min(medians.length - 1, Math.max(0, Math.round(q * (medians.length - 1))))]!;
  return { ratio: median(ratios), low: at(0.025), high: at(0.975), rounds: ratios.length };
}

/** What an interval says of a target "at most `limit`": shown, refuted, or not decided by the run. */
export function verdict({ low, high }: Pick<PairedRatio, 'low' | 'high'>, limit: number): 'met' | 'not met' | 'not decided' {
  if (!(low <= high)) return 'not decided';
  if (high <= limit) return 'met';
  if (low > limit) return 'not met';
  return 'not decided';
}

const three = (n: number) => Math.round(n * 1000) / 1000;

/** A paired ratio as the bench's fields: `name`, `nameLow` and `nameHigh`, to three decimals. */
export function ratioFields(name: string, p: PairedRatio): Record<string, number> {
  return { [name]: three(p.ratio), [`${name}Low`]: three(p.low), [`${name}High`]: three(p.high) };
}

/** A paired ratio in words, with what it says of a target "at most `limit`": `×1.066 (95 % 1.04–1.09) over 300 rounds: ≤ 1.05× not decided`. */
export function describeRatio(p: PairedRatio, limit: number): string {
  return `×${three(p.ratio)} (95 % ${three(p.low)}–${three(p.high)}) over ${p.rounds} rounds: ≤ ${limit}× ${verdict(p, limit)}`;
}
