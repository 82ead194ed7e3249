import type { Level } from '../jurisdictions';
import { emptyContribution, type SourceDef } from './types';

/**
 * The benchmark's sectors: administrations get a level; the others are not read (state-owned enterprises such as SBB,
 * Post and Swisscom are not administrations; universities follow the policy in the README). A sector not in this
 * table is reported.
 */
const SECTOR: Readonly<Record<string, Level | null>> = {
  Gov_Federal: 'national',
  Gov_Cantons: 'regional',
  Gov_Cities: 'local',
  City: 'local',
  Gov_Companies: null,
  ResearchAndEducation: null,
  IT: null,
  Others: null,
  Communities: null,
  Insurances: null,
  NGOs: null,
  Media: null,
  Banking: null,
  Pharma: null,
  FoodBeverage: null,
  'FoodBeverage/Others': null,
};

/** Swiss OSS Benchmark input: institution → GitHub organisations → sector; only the administrations are read. */
export const chOssBenchmark: SourceDef = {
  id: 'ch-oss-benchmark',
  dataDate: '2026-05-20',
  title: 'Swiss OSS Benchmark — public-sector institutions',
  file: 'global/ch-ossbenchmark-github_repos.md',
  upstream: 'https://github.com/digital-sustainability/oss-github-benchmark/blob/main/github_repos.md',
  format: 'markdown',
  licence: 'GPL-3.0 (repository)',
  editUrl: 'https://github.com/digital-sustainability/oss-github-benchmark',
  parse(source) {
    const out = emptyContribution();
    let institution = '';
    let sector = '';
    for (const line of source.split(/\r?\n/)) {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.length !== 3 || /^-+$/.test(cells[1]!) || cells[0] === '**Institution**') continue;
      // The institution and sector are written on an institution's first row only: carry them down.
      if (cells[0]) [institution, sector] = [cells[0], cells[2] ?? ''];
      if (!cells[1]) continue;
      if (!Object.hasOwn(SECTOR, sector)) out.rejected.push({ entry: `${institution}: ${cells[1]}`, reason: `sector "${sector.slice(0, 40)}" is not one of ${Object.keys(SECTOR).join(', ')}` });
      else if (!SECTOR[sector]) continue;
      else if (!/^[a-z0-9-]+$/i.test(cells[1])) out.rejected.push({ entry: cells[1].slice(0, 120), reason: 'not a GitHub login' });
      else out.accounts.push({ key: `github.com/${cells[1].toLowerCase()}`, display: `https://github.com/${cells[1]}`, name: institution, country: 'CH', level: SECTOR[sector]! });
    }
    return out;
  },
};
