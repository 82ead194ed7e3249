/**
 * The licence a licence file states in its first lines, for the texts GitHub and GitLab do not identify
 * (GitHub says "Other" for CeCILL and Etalab). Pure; only looks at the heading, never guesses from the body.
 */
const HEADINGS: Array<[RegExp, string]> = [
  [/cecill-b\b/i, 'CECILL-B'],
  [/cecill-c\b/i, 'CECILL-C'],
  [/cecill\b[\s\S]{0,80}?(version|v\.?)\s*2\.1|cecill[- ]v?2\.1/i, 'CECILL-2.1'],
  [/cecill\b[\s\S]{0,80}?(version|v\.?)\s*2\.0|cecill[- ]v?2\.0/i, 'CECILL-2.0'],
  [/licence ouverte|open licen[cs]e\s*(version\s*)?2\.0|etalab[- ]2\.0/i, 'etalab-2.0'],
  [/european union public licen[cs]e[^\n]{0,20}1\.2|\beupl[- ]?v?1\.2/i, 'EUPL-1.2'],
  [/european union public licen[cs]e[^\n]{0,20}1\.1|\beupl[- ]?v?1\.1/i, 'EUPL-1.1'],
];

export function identifyLicenceText(text: string): string | undefined {
  const head = text.slice(0, 600);
  return HEADINGS.find(([re]) => re.test(head))?.[1];
}
