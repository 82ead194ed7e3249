import SOURCE_INFO_JSON from '../../assets/generated/source-info.json';
import type { SourceInfo } from './source-info';

/**
 * The built-in sources' records, in precedence order, without their readers: `npm run data` writes them from `SOURCES`
 * (lib/cli/source-info.ts) and a unit test checks they are the same. What the service worker imports in place of
 * `SOURCES`, whose readers it loads only to refresh (#23).
 */
export const SOURCE_INFO = SOURCE_INFO_JSON as readonly SourceInfo[];
