import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import frList from '@/assets/public/registry-sources/fr-licences/crpa-d323-2-1-software-licences.json';
import { classifyLicence, type LicenceStatus } from '@/lib/licence/classify';

describe('classifyLicence() for a French body (CRPA D323-2-1)', () => {
  const permissive = frList.software.permissive.flatMap((l) => [l.spdx]);
  const reciprocal = frList.software.reciprocity_copyleft.flatMap((l) => [l.spdx, ...(l.spdx_also_accept ?? [])]);

  it.each(permissive)('%s is allowed, permissive', (id) => {
    expect(classifyLicence(id, 'FR')).toMatchObject({ spdx: id, status: 'allowed', kind: 'permissive' });
  });
  it.each(reciprocal)('%s is allowed, with reciprocity', (id) => {
    expect(classifyLicence(id, 'FR')).toMatchObject({ spdx: id, status: 'allowed', kind: 'reciprocal' });
  });

  // [as a forge or a file states it, SPDX, status, osi, fsf]
  const TABLE: Array<[string, string | null, LicenceStatus, boolean, boolean]> = [
    // GitHub display names (the sidebar and the 2021 code.gouv.fr inventory)
    ['MIT License', 'MIT', 'allowed', true, true],
    ['MIT license', 'MIT', 'allowed', true, true],
    ['Apache License 2.0', 'Apache-2.0', 'allowed', true, true],
    ['GNU General Public License v3.0', 'GPL-3.0', 'allowed', true, true],
    ['GNU Affero General Public License v3.0', 'AGPL-3.0', 'allowed', true, true],
    ['GNU Lesser General Public License v2.1', 'LGPL-2.1', 'not-in-policy', true, true],
    ['GNU General Public License v2.0', 'GPL-2.0', 'not-in-policy', true, true],
    ['BSD 3-Clause "New" or "Revised" License', 'BSD-3-Clause', 'allowed', true, true],
    ['European Union Public License 1.2', 'EUPL-1.2', 'allowed', true, true],
    ['CeCILL Free Software License Agreement v2.1', 'CECILL-2.1', 'allowed', true, false],
    ['Creative Commons Zero v1.0 Universal', 'CC0-1.0', 'not-in-policy', false, true],
    ['The Unlicense', 'Unlicense', 'not-in-policy', true, true],
    // Licence file headings GitHub reports as "Other"
    ['Contrat de licence de logiciel libre CeCILL-B', 'CECILL-B', 'allowed', false, true],
    ['Licence Ouverte / Open Licence version 2.0', 'etalab-2.0', 'not-in-policy', false, false],
    // What forges say when they could not tell
    ['Other', null, 'unknown', false, false],
    ['NOASSERTION', null, 'unknown', false, false],
    ['', null, 'missing', false, false],
    ['   ', null, 'missing', false, false],
    ['none', null, 'missing', false, false],
    // Sloppy ids, case, deprecated ids, -only/-or-later
    ['Apache 2', 'Apache-2.0', 'allowed', true, true],
    ['mit', 'MIT', 'allowed', true, true],
    ['cecill-b', 'CECILL-B', 'allowed', false, true],
    ['GPL-3.0+', 'GPL-3.0-or-later', 'allowed', true, true],
    ['Apache-2.0+', 'Apache-2.0+', 'allowed', true, true],
    ['LGPL-3.0-or-later', 'LGPL-3.0-or-later', 'allowed', true, true],
    ['GPL-2.0-only', 'GPL-2.0-only', 'not-in-policy', true, true],
    // Expressions
    ['MIT OR Apache-2.0', 'MIT OR Apache-2.0', 'allowed', true, true],
    ['GPL-2.0-only OR MIT', 'GPL-2.0-only OR MIT', 'allowed', true, true],
    ['MIT AND GPL-2.0-only', 'MIT AND GPL-2.0-only', 'not-in-policy', true, true],
    ['(MIT OR GPL-3.0-or-later) AND CECILL-C', '(MIT OR GPL-3.0-or-later) AND CECILL-C', 'allowed', false, true],
    ['GPL-2.0-or-later WITH Classpath-exception-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0', 'not-in-policy', true, true],
    // Non-free
    ['CC-BY-NC-4.0', 'CC-BY-NC-4.0', 'non-free', false, false],
    ['JSON', 'JSON', 'non-free', false, false],
    // Garbage
    ['garbage !!', null, 'unknown', false, false],
    ['<script>alert(1)</script>', null, 'unknown', false, false],
    ['MIT OR', null, 'unknown', false, false],
    ['x'.repeat(5000), null, 'unknown', false, false],
    ['__proto__', null, 'unknown', false, false], // found by the property test: a name lookup hit Object.prototype
    ['constructor', null, 'unknown', false, false],
  ];
  it.each(TABLE)('%j → %s, %s', (input, spdx, status, osi, fsf) => {
    const v = classifyLicence(input, 'FR');
    expect({ spdx: v.spdx, status: v.status, osi: v.osi, fsf: v.fsf }).toEqual({ spdx, status, osi, fsf });
    expect(v.input).toBe(input);
    if (status !== 'allowed') expect(v.kind).toBeNull();
  });
});

describe('classifyLicence() without a country policy', () => {
  it.each([
    ['GPL-2.0-only', 'osi'],
    ['CECILL-B', 'free'],
    ['CC-BY-4.0', 'free'],
    ['MIT', 'osi'],
    ['Beerware', 'unknown'],
    ['CC-BY-NC-4.0', 'non-free'],
    ['', 'missing'],
  ] as const)('%s → %s', (input, status) => {
    expect(classifyLicence(input).status).toBe(status);
    expect(classifyLicence(input, 'DE').status).toBe(status); // no published German list in the data
  });
});

describe('npm run licence', () => {
  it('prints the contract object with --json', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/licence.ts', 'GNU General Public License v3.0', '--country', 'FR', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ input: 'GNU General Public License v3.0', spdx: 'GPL-3.0', status: 'allowed', kind: 'reciprocal', osi: true, fsf: true });
    const empty = execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/licence.ts', '', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(empty)).toMatchObject({ spdx: null, status: 'missing' });
  });
});
