/**
 * How forges and files name licences when they do not give an SPDX id: GitHub's display names (its licence
 * picker and the repository sidebar, e.g. "MIT license"), GitLab's names, and the headings of licence files
 * GitHub reports as "Other" (CeCILL, Etalab). Keys are lower-case, without a trailing " license"/" licence".
 */
const NAMES: Readonly<Record<string, string>> = {
  mit: 'MIT',
  'apache license 2.0': 'Apache-2.0',
  'apache-2.0': 'Apache-2.0',
  'apache 2.0': 'Apache-2.0',
  'gnu general public license v3.0': 'GPL-3.0',
  'gnu general public license v2.0': 'GPL-2.0',
  'gnu affero general public license v3.0': 'AGPL-3.0',
  'gnu lesser general public license v3.0': 'LGPL-3.0',
  'gnu lesser general public license v2.1': 'LGPL-2.1',
  'gpl-3.0': 'GPL-3.0',
  'gpl-2.0': 'GPL-2.0',
  'agpl-3.0': 'AGPL-3.0',
  'lgpl-3.0': 'LGPL-3.0',
  'lgpl-2.1': 'LGPL-2.1',
  'bsd 2-clause "simplified"': 'BSD-2-Clause',
  'bsd 3-clause "new" or "revised"': 'BSD-3-Clause',
  'bsd-2-clause': 'BSD-2-Clause',
  'bsd-3-clause': 'BSD-3-Clause',
  'mozilla public license 2.0': 'MPL-2.0',
  'mpl-2.0': 'MPL-2.0',
  'eclipse public license 2.0': 'EPL-2.0',
  'eclipse public license 1.0': 'EPL-1.0',
  'european union public license 1.2': 'EUPL-1.2',
  'european union public license 1.1': 'EUPL-1.1',
  'eupl-1.2': 'EUPL-1.2',
  'boost software license 1.0': 'BSL-1.0',
  'creative commons zero v1.0 universal': 'CC0-1.0',
  'cc0-1.0': 'CC0-1.0',
  'the unlicense': 'Unlicense',
  unlicense: 'Unlicense',
  isc: 'ISC',
  'cecill free software license agreement v2.1': 'CECILL-2.1',
  'cecill-b free software license agreement': 'CECILL-B',
  'cecill-c free software license agreement': 'CECILL-C',
  'cecill-2.1': 'CECILL-2.1',
  'cecill-b': 'CECILL-B',
  'cecill-c': 'CECILL-C',
  'cecill v2.1': 'CECILL-2.1',
  'cecill 2.1': 'CECILL-2.1',
  'contrat de licence de logiciel libre cecill-b': 'CECILL-B',
  'contrat de licence de logiciel libre cecill-c': 'CECILL-C',
  'contrat de licence de logiciel libre cecill': 'CECILL-2.1',
  'licence ouverte / open licence version 2.0': 'etalab-2.0',
  'licence ouverte 2.0': 'etalab-2.0',
  'etalab-2.0': 'etalab-2.0',
  'etalab open license 2.0': 'etalab-2.0',
};

/** A name → SPDX id map; a Map, so that input such as `__proto__` or `constructor` finds nothing. */
export const DISPLAY_NAMES: ReadonlyMap<string, string> = new Map(Object.entries(NAMES));

/** What forges say when they found a licence file they could not identify, or none. */
export const UNIDENTIFIED = new Set(['other', 'noassertion', 'view license', 'unknown', 'custom']);
export const NONE = new Set(['', 'none', 'no license', 'no licence', 'n/a']);
