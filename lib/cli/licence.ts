/**
 * npm run -s licence -- "<licence as a forge or a file states it>" [--country FR] [--json]
 * Same code as the extension: SPDX normalisation and the status for a body of that country.
 */
import { classifyLicence } from '../licence/classify';

const args = process.argv.slice(2);
const countryAt = args.indexOf('--country');
const country = countryAt === -1 ? undefined : args[countryAt + 1];
const inputs = args.filter((a, i) => !a.startsWith('--') && (countryAt === -1 || i !== countryAt + 1));
if (inputs.length === 0) {
  console.error('usage: licence "<licence>" [--country FR] [--json]   (an empty string means missing)');
  process.exit(2);
}
for (const input of inputs) {
  const v = classifyLicence(input, country);
  console.log(args.includes('--json') ? JSON.stringify(v) : `${JSON.stringify(input)} → ${v.spdx ?? '(none)'}: ${v.status}${v.kind ? ` (${v.kind})` : ''}${v.osi ? ', OSI-approved' : ''}${v.fsf ? ', FSF free' : ''}`);
}
