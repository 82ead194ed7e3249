/**
 * Writes assets/generated/locale-tables.json: the names of the bundled registry's countries and the date patterns,
 * in the six languages, built with Node's `Intl` so that the page never loads `Intl`'s locale data for the panel
 * (lib/i18n/tables.ts, #23); and assets/generated/message-keys.json, the names of the extension's messages (the
 * background resolves them for the panel: lib/i18n/message-templates.ts). Runs on install and before each build,
 * after the registry is compiled.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadBundledRegistry } from './bundled';
import { buildLocaleTables } from '../i18n/tables';
import { MESSAGE_LANGUAGES } from '../i18n/languages';
import { regionCodes } from './locale-tables-codes';

const out = new URL('../../assets/generated/locale-tables.json', import.meta.url).pathname;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(buildLocaleTables(MESSAGE_LANGUAGES, [...regionCodes(loadBundledRegistry())])));

const messages = new URL('../../assets/public/_locales/en/messages.json', import.meta.url).pathname;
writeFileSync(new URL('../../assets/generated/message-keys.json', import.meta.url).pathname, JSON.stringify(Object.keys(JSON.parse(readFileSync(messages, 'utf8')) as object)));
