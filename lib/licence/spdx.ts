import correct from 'spdx-correct';
import ids from 'spdx-license-ids/index.json';
import deprecated from 'spdx-license-ids/deprecated.json';
import osiIds from '../../assets/generated/spdx-osi.json';
import fsf from '../../assets/licence-data/spdx-fsf.json';

/** Every SPDX id by its lower case, built at its first use (not when the worker's script is evaluated, #23). */
let canonical: Map<string, string> | undefined;
/** OSI approval, from the spdx-license-list package, reduced to ids at build time (lib/cli/licence-data.ts). */
const OSI = new Set(osiIds.osi);
const FSF_LIBRE = new Set(fsf.fsfLibre);
const FSF_NON_FREE = new Set(fsf.fsfNonFree);

/** The deprecated GNU ids GitHub still reports (`GPL-3.0`) share the flags of their `-only` successors. */
function flagId(id: string): string {
  return id.replace(/\+$/, '-or-later');
}

export function isOsi(id: string): boolean {
  return OSI.has(id) || OSI.has(flagId(id)) || OSI.has(id.replace(/\+$/, '')) || OSI.has(`${id}-only`);
}

/** true: FSF free/libre; false: FSF says non-free; undefined: the FSF has not said. */
export function fsfLibre(id: string): boolean | undefined {
  if (FSF_LIBRE.has(id) || FSF_LIBRE.has(flagId(id)) || FSF_LIBRE.has(id.replace(/\+$/, ''))) return true;
  if (FSF_NON_FREE.has(id)) return false;
  return undefined;
}

/** An exact SPDX id, whatever its case; undefined when it is not one. */
export function canonicalId(token: string): string | undefined {
  canonical ??= new Map<string, string>([...ids, ...deprecated].map((id) => [id.toLowerCase(), id]));
  return canonical.get(token.toLowerCase());
}

/** spdx-correct's best guess for a sloppy licence name (`Apache 2` → `Apache-2.0`). */
export function correctId(text: string): string | undefined {
  try {
    return correct(text, { upgrade: false }) ?? undefined;
  } catch {
    return undefined;
  }
}
