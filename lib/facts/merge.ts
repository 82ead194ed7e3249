import type { LicenceVerdict } from '../licence/classify';
import type { Publiccode } from '../publiccode/parse';

/** Types and the one merge the content script needs: no licence data or parser comes with them. */
export interface LicenceFacts extends LicenceVerdict {
  /** Where the licence came from: the page itself, the forge's API, the licence file's heading. */
  source: 'page' | 'forge' | 'licence-file';
  /** `rate-limited` and `error` mean "unknown for now", never a verdict. */
  state: 'ok' | 'rate-limited' | 'error';
  /** `rate-limited`: when the forge's limit for visitors resets (ms). */
  retryAt?: number;
  /** The licence file's page, when the forge named one it could not identify ("Other"): the panel links to it. */
  fileUrl?: string;
  /** The country rule the status refers to (e.g. CRPA art. D323-2-1), when one applies. */
  policyUrl?: string;
  /**
   * What the status was judged by: the country's list of licences (`policy`, e.g. "CRPA art. D323-2-1") or, where
   * none is known for that country (or for an international body), OSI approval and FSF freedom alone.
   */
  /** `country`: ISO code, or EU / UN / INT for an international body. */
  judgedBy?: { country?: string; policy?: string };
}

/** A repository's publiccode.yml as the panel shows it. */
export type PubliccodeFacts = Publiccode & { url: string; verdict?: LicenceVerdict; mismatch: boolean };

export interface RepoFacts {
  licence: LicenceFacts;
  publiccode?: PubliccodeFacts;
}

/** Licence and publiccode.yml, which arrive separately; a publiccode.yml that declares another licence is flagged. */
export function mergeFacts(licence: LicenceFacts, publiccode: PubliccodeFacts | undefined): RepoFacts {
  if (!publiccode) return { licence };
  const declared = publiccode.verdict?.spdx;
  return { licence, publiccode: { ...publiccode, mismatch: !!licence.spdx && !!declared && declared !== licence.spdx } };
}
