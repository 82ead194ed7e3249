import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstPart } from '@/lib/first/start';

/** The service worker's first part on Chrome (lib/first/start.ts): the manifest names it, it loads `background.js`. */
export default defineUnlistedScript(() => startFirstPart((globalThis as never as { chrome: Parameters<typeof startFirstPart>[0] }).chrome, globalThis as never));
