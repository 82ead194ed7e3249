import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { presortSpdxCorrect, presortSpdxCorrectPlugin, spdxCorrectRanks } from '@/lib/build/spdx-correct-presort';

const require = createRequire(import.meta.url);
const path = require.resolve('spdx-correct');
const source = readFileSync(path, 'utf8');
type Correct = (s: string, o?: { upgrade?: boolean }) => string | null;

function evaluate(text: string, requireOf: (id: string) => unknown = createRequire(path)): Correct {
  const module = { exports: {} as unknown };
  new Function('require', 'module', 'exports', text)(requireOf, module, module.exports);
  return module.exports as Correct;
}

/** Every SPDX id, its name, lower-cased, with the usual misspellings and the free text found in READMEs. */
function corpus(): string[] {
  const list = require('spdx-license-list') as Record<string, { name: string }>;
  const free = ['GNU GPL v3', 'GPL v2 or later', 'Apache 2', 'Apache License, Version 2.0', 'BSD 3 clause', 'BSD-2', 'MIT License', 'mit', 'LGPL', 'Lesser General Public License 2.1', 'GNU Lesser General Public License v3', 'Mozilla Public License 2.0', 'GPL-2.0+', 'Affero', 'AGPL v3', 'Eclipse', 'CeCILL', 'cecill-b', 'EUPL 1.2', 'Etalab 2.0', 'WTF', 'Unlicence', 'Boost', 'zlib', 'X11', 'GNU', 'Creative Commons Attribution 4.0 International', 'CC BY-SA 4.0', 'Universal Permissive License', 'GLP', 'Gnu public license', '-License', 'ISD', ''];
  const named = Object.entries(list).flatMap(([id, l]) => (typeof l.name === 'string' ? [id, id.toLowerCase(), l.name, l.name.toUpperCase(), `${l.name} or later`] : [id]));
  return [...named, ...free].filter((s) => s !== '');
}

describe('spdx-correct with its load-time order decided at build (#23)', () => {
  it('the shipped module calls no localeCompare when it loads, nor when its first call builds its tables', () => {
    const transformed = presortSpdxCorrect(source, spdxCorrectRanks());
    const spy = vi.spyOn(String.prototype, 'localeCompare');
    evaluate(transformed)('Apache 2');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    const again = vi.spyOn(String.prototype, 'localeCompare');
    evaluate(source);
    expect(again).toHaveBeenCalled(); // the original does: what this saves
  });

  it('corrects every id, name and free text exactly as the original does', () => {
    const original = evaluate(source);
    const shipped = evaluate(presortSpdxCorrect(source, spdxCorrectRanks()));
    const inputs = corpus();
    expect(inputs.length).toBeGreaterThan(2000);
    // spdx-correct throws on a few inputs ("-License"): the shipped one must throw on the same.
    const outcome = (f: Correct, s: string, o?: { upgrade?: boolean }) => {
      try {
        return f(s, o);
      } catch {
        return 'throws';
      }
    };
    for (const s of inputs) {
      expect(outcome(shipped, s), s).toBe(outcome(original, s));
      expect(outcome(shipped, s, { upgrade: false }), s).toBe(outcome(original, s, { upgrade: false }));
    }
  });

  it('loading the shipped module runs none of its body: its requires and tables wait for the first call, once', () => {
    const required: string[] = [];
    const real = createRequire(path);
    const shipped = evaluate(presortSpdxCorrect(source, spdxCorrectRanks()), (id) => (required.push(id), real(id)));
    expect(required).toEqual([]);
    expect(shipped('Apache 2', { upgrade: false })).toBe('Apache-2.0');
    expect(required).toEqual(['spdx-expression-parse', 'spdx-license-ids']);
    expect(shipped('GNU GPL v3')).toBe(evaluate(source)('GNU GPL v3'));
    expect(required).toHaveLength(2);
  });

  it('strings without a rank fall back to localeCompare; a package without that comparison stops the build', () => {
    const shipped = evaluate(presortSpdxCorrect(source, {}));
    expect(shipped('GNU GPL v3')).toBe(evaluate(source)('GNU GPL v3'));
    expect(() => presortSpdxCorrect('module.exports = 1', {})).toThrow(/spdx-correct changed/);
  });

  it('the build plugin transforms spdx-correct and nothing else', () => {
    const plugin = presortSpdxCorrectPlugin();
    expect(plugin.transform(source, path)).toContain('__olRankCompare(');
    expect(plugin.transform('x', '/p/node_modules/spdx-expression-parse/index.js')).toBeNull();
  });
});
