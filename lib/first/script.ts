/** Chrome's service worker script: the first part (lib/first/start.ts), which loads `background.js` when needed. */
export const FIRST_PART_SCRIPT = 'worker.js';
