/**
 * What a repository's root says about its readiness as public code: publiccode.yml, REUSE, CONTRIBUTING, SECURITY,
 * a licence file. One reading for the panel (names from the page's file list) and the organisation audit (the
 * forge's root listing). Pure.
 */
export interface Readiness {
  publiccode: boolean;
  /** REUSE signals: a `LICENSES/` folder, `REUSE.toml`, or `.reuse/dep5` (the folder `.reuse`). */
  reuse: boolean;
  contributing: boolean;
  security: boolean;
  /** The root file GitHub and GitLab read the licence from (`LICENSE`, `LICENCE.md`, `COPYING`…), if any. */
  licenceFile?: string;
}

const LICENCE_FILE = /^(licen[cs]e|copying|unlicen[cs]e)([._-].*)?$/i;

/** Root names (files and folders) → readiness. */
export function readinessOf(names: readonly string[]): Readiness {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const has = (...candidates: string[]) => candidates.some((c) => lower.has(c));
  return {
    publiccode: has('publiccode.yml', 'publiccode.yaml'),
    reuse: has('licenses', 'reuse.toml', '.reuse', '.reuse/dep5'),
    contributing: [...lower].some((n) => /^contributing(\.[a-z]+)?$/.test(n)) || has('.github/contributing.md', 'docs/contributing.md'),
    security: [...lower].some((n) => /^security(\.[a-z]+)?$/.test(n)) || has('.github/security.md'),
    ...(names.find((n) => LICENCE_FILE.test(n)) ? { licenceFile: names.find((n) => LICENCE_FILE.test(n))! } : {}),
  };
}
