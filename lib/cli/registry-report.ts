/**
 * npm run -s registry:report [-- --json | --coverage] [--sources <dir>]
 * The data report: counts (accounts, bodies, named, own and nearest OSPO, per source, per country) and every entry
 * whose name is missing or URL-like, every OSPO without contact, every duplicate spelling. Compiled fresh from the
 * source files, with the extension's own compiler and lookup.
 */
import { resolve } from 'node:path';
import { formatCoverage, formatReport, registryReport } from '../registry/report';
import { SOURCES } from '../registry/sources';
import { BUNDLED_SOURCES_DIR, compileFolderWithNotes } from './read-sources';

const args = process.argv.slice(2);
const at = args.indexOf('--sources');
const { registry, spellingVariants, disagreements } = compileFolderWithNotes(resolve(at === -1 ? BUNDLED_SOURCES_DIR : args[at + 1]!));
const dates = Object.fromEntries(SOURCES.flatMap((d) => (d.dataDate ? [[d.id, d.dataDate]] : [])));
const report = registryReport(registry, spellingVariants, dates, disagreements);
// `… | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : undefined));
const names = new Intl.DisplayNames(['en'], { type: 'region' });
if (args.includes('--coverage')) console.log(formatCoverage(report, (code) => names.of(code) ?? code));
else console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
