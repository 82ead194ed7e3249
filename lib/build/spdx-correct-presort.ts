/**
 * Build time (#23): spdx-correct sorts its two tables when it is loaded, comparing patterns of equal length with
 * `localeCompare`, whose first call loads the engine's collation data (~30 ms at each start of the service worker).
 * The order is the same on every load, so it is decided here, once, in Node: every string that sort compares gets
 * its rank under the same `localeCompare`, and the shipped module compares ranks. A string without a rank (another
 * version of the package) falls back to `localeCompare`, so the order can never differ from the original's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const CALL = 'a[0].toUpperCase().localeCompare(b[0].toUpperCase())';

/** The ranks of every string spdx-correct's load-time sort compares, under Node's `localeCompare`. */
export function spdxCorrectRanks(): Record<string, number> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('spdx-correct');
  const seen = new Set<string>();
  const original = String.prototype.localeCompare;
  // eslint-disable-next-line no-extend-native
  String.prototype.localeCompare = function (this: string, that: string, ...rest: unknown[]) {
    seen.add(String(this));
    seen.add(String(that));
    return original.call(this, that, ...(rest as []));
  } as typeof original;
  try {
    const source = readFileSync(path, 'utf8');
    // A fresh evaluation of the module's text, whatever Node's module cache holds.
    new Function('require', 'module', 'exports', source)(createRequire(path), { exports: {} }, {});
  } finally {
    String.prototype.localeCompare = original;
  }
  const sorted = [...seen].sort((x, y) => original.call(x, y));
  const ranks: Record<string, number> = {};
  let rank = 0;
  sorted.forEach((s, i) => {
    if (i > 0 && original.call(sorted[i - 1]!, s) !== 0) rank = i;
    ranks[s] = rank;
  });
  return ranks;
}

/**
 * spdx-correct's text with the load-time comparison by rank; throws if the package no longer has that comparison.
 * The module's own body (its tables, their sort, the SPDX id lists it requires) runs at its first call, not when the
 * worker's script is evaluated: a worker that only answers a lookup never pays for it (#23). The first call's
 * `require`s are the bundler's, so they stay where they are written: inside the function.
 */
export function presortSpdxCorrect(source: string, ranks: Record<string, number>): string {
  if (source.split(CALL).length !== 2) throw new Error('spdx-correct changed: its load-time comparison was not found (lib/build/spdx-correct-presort.ts)');
  const compare = `__olRankCompare(a[0].toUpperCase(), b[0].toUpperCase())`;
  const helper = `var __olRanks = ${JSON.stringify(ranks)};
function __olRankCompare(x, y) {
  var rx = __olRanks[x], ry = __olRanks[y];
  return rx === undefined || ry === undefined ? x.localeCompare(y) : rx - ry;
}
`;
  return `var __olCorrect;
function __olLoad() {
  var module = { exports: {} }, exports = module.exports;
${helper}${source.replace(CALL, compare)}
  return module.exports;
}
module.exports = function spdxCorrect(identifier, options) {
  return (__olCorrect || (__olCorrect = __olLoad()))(identifier, options);
};
`;
}

/** The Vite plugin: spdx-correct as shipped in the extension, its tables' order decided at build time. */
export function presortSpdxCorrectPlugin(): { name: string; enforce: 'pre'; transform(code: string, id: string): string | null } {
  let ranks: Record<string, number> | undefined;
  return {
    name: 'ospo-lens:presort-spdx-correct',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]spdx-correct[\\/]index\.js$/.test(id.split('?')[0]!)) return null;
      ranks ??= spdxCorrectRanks();
      return presortSpdxCorrect(code, ranks);
    },
  };
}
