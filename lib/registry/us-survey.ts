/**
 * The facts the registry takes from the 2024 survey of U.S. government GitHub organisations (which states no licence:
 * its files are not shipped): per curated organisation, its login, the curator's category, and the name, e-mail and
 * website the organisation published on its own GitHub profile. Pure: the two CSV texts in, the derived file out
 * (`npm run -s data:derive-us` writes it; a test checks the committed copy is what this derives).
 */

/** RFC 4180 CSV → rows of cells (quoted fields with commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

function table(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text).filter((r) => r.some((c) => c.trim()));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const login = (url: string) => url.replace(/\/+$/, '').split('/').at(-1) ?? '';
const value = (v: string | undefined) => (v && v !== 'nan' ? v.trim() : undefined);

const SOURCE = {
  what: 'Facts derived from a hand-curated survey of U.S. government GitHub organisations (Dec 2024): per curated organisation, its login, the curator\'s category, and the name, e-mail and website the organisation publishes on its own GitHub profile. Uncurated rows are left out. Derived by lib/cli/derive-us-landscape.ts; the survey files themselves are not shipped (their licence is not stated).',
  repository: 'https://github.com/thoppe/Federal-Github-Landscape-Analysis',
  files: ['src/data/US_curated_govs.csv @ blob 5b7a9548c1a83338ab4d8e28f29d63bc5c08f1d3', 'src/data/US_filtered_govs.csv @ blob 5af69de19044e66d537f0c2ec9816f432863f387'],
  commit: '481355f333b161230fa9395ab954345ce614c88c (2024-12-22, "Finalize curation efforts")',
  licence: 'none stated: facts only (logins, a category, the organisations\' own public profile fields), with attribution',
  profilesCaptured: '2024-12',
};

export interface SurveyRow {
  login: string;
  curation: string;
  name?: string;
  email?: string;
  website?: string;
}

/** `curated`: US_curated_govs.csv; `filtered`: US_filtered_govs.csv (the profile fields). Uncurated rows are left out. */
export function deriveUsLandscape(curated: string, filtered: string): { _source: Record<string, unknown>; organisations: SurveyRow[] } {
  const profiles = new Map(table(filtered).map((r) => [login(r.html_url ?? '').toLowerCase(), r]));
  const rows = table(curated)
    .filter((r) => value(r.CURATION))
    .map((r) => {
      const l = login(r.html_url ?? '');
      const p = profiles.get(l.toLowerCase());
      return { login: l, curation: r.CURATION!, name: value(p?.name), email: value(p?.email), website: value(p?.blog) };
    })
    .sort((a, b) => a.login.toLowerCase().localeCompare(b.login.toLowerCase()));
  return { _source: SOURCE, organisations: rows };
}

