import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installHeavy } from '@/lib/heavy/api';

/**
 * Firefox: the code the background page loads only when it needs it (lib/heavy/load.ts, #23): the sources' readers,
 * the compiler, the full validation of a stored registry and the publiccode.yml reader. It only leaves its API on the
 * global scope. Chrome runs the same code in the compiler's worker (entrypoints/compiler-worker.ts).
 */
export default defineUnlistedScript({ include: ['firefox'], main: () => installHeavy() });
