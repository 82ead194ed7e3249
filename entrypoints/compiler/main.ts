import { startRelay, type RelayRuntime, type WorkerLike } from '@/lib/heavy/relay';

/** The compiler's document (Chrome): a relay to its worker, which holds the heavy code (lib/heavy/remote.ts). */
declare const chrome: { runtime: RelayRuntime };
startRelay(chrome.runtime, new Worker('/compiler-worker.js') as unknown as WorkerLike, () => window.close());
