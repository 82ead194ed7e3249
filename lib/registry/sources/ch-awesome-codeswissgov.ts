import { takeAccount } from './forge-urls';
import { emptyContribution, type Contribution, type SourceDef } from './types';

/** The rows of one list of the README, between its markers; a missing marker is reported, never silent. */
function section(source: string, name: string, out: Contribution): string {
  const begin = source.indexOf(`BEGIN ${name}`);
  const end = source.indexOf(`END ${name}`);
  if (begin === -1 || end === -1 || end < begin) {
    out.rejected.push({ entry: name, reason: `the <!-- BEGIN ${name} --> … <!-- END ${name} --> markers were not found: its rows were not read` });
    return '';
  }
  // From the line after the BEGIN marker's line (the marker itself is not a row).
  const after = source.indexOf('\n', begin);
  return after === -1 || after > end ? '' : source.slice(after + 1, end);
}

const ROW = /^([^|\n]+)\|\[([^\]]+)\]\(([^)\s]+)\)/;

/** `Who|[label](url)…` rows; a line with a bar that is not one (besides the table's head and rule) is reported. */
function rows(block: string, out: Contribution): Array<{ who: string; label: string; url: string }> {
  const found: Array<{ who: string; label: string; url: string }> = [];
  for (const line of block.split(/\r?\n/)) {
    const bare = line.trim();
    if (!bare || /^(<!--|#)/.test(bare) || /^[\s|:-]+$/.test(bare) || /^\|?\s*(Name|Organisation|Organization|Service|Kanton|Canton)\s*\|/i.test(bare)) continue;
    const m = ROW.exec(line);
    if (m) found.push({ who: m[1]!.trim(), label: m[2]!.trim(), url: m[3]! });
    else if (/\]\(\s*\)/.test(line) || /\|\s*\[[^\]]*\]\s*\|?\s*$/.test(line)) out.rejected.push({ entry: line.slice(0, 120), reason: 'no account linked (the list leaves the link empty)' });
    else out.rejected.push({ entry: line.slice(0, 120), reason: 'row is not in the form name|[label](https URL)' });
  }
  return found;
}

/** awesome-codeswissgov: Swiss federal services and cantonal offices with their GitHub organisations (CC-BY-4.0). */
export const chAwesome: SourceDef = {
  id: 'ch-awesome-codeswissgov',
  dataDate: '2024-08-28',
  title: 'Awesome CodeSwissGov — federal and cantonal services',
  file: 'global/ch-awesome-codeswissgov-README.md',
  upstream: 'https://github.com/ospo-ch/awesome-codeswissgov/blob/main/README.md',
  format: 'markdown',
  licence: 'CC-BY-4.0',
  editUrl: 'https://github.com/ospo-ch/awesome-codeswissgov',
  parse(source) {
    const out = emptyContribution();
    for (const r of rows(section(source, 'FEDERAL LIST', out), out)) takeAccount(out, r.url, { name: r.who, country: 'CH', level: 'national' });
    for (const r of rows(section(source, 'CANTONAL LIST', out), out)) {
      // "GitHub Org" is the canton's own organisation; other labels name the office that runs it.
      const name = /^GitHub Org$/i.test(r.label) ? `Canton of ${r.who}` : `Canton of ${r.who} — ${r.label}`;
      takeAccount(out, r.url, { name, country: 'CH', level: 'regional' });
    }
    return out;
  },
};
