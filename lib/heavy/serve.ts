import type { Heavy, HeavyEnv, HeavyJob } from './api';
import type { WorkerReply } from './relay';

/**
 * Edge (Chrome): the compiler's worker (entrypoints/compiler-worker.ts) runs each job its document passes it
 * (lib/heavy/relay.ts) and posts the answer back, or the error's first line. Only its document can post to it.
 */
export interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(reply: WorkerReply): void;
}

export function serveJobs(scope: WorkerScope, heavy: Heavy, env: HeavyEnv): void {
  scope.addEventListener('message', ({ data }) => {
    const { id, job } = data as { id: number; job: HeavyJob };
    heavy.run(job, env).then(
      (value) => scope.postMessage({ id, ok: true, value }),
      (error: unknown) => scope.postMessage({ id, ok: false, error: String((error as Error)?.message ?? error).split('\n')[0]! }),
    );
  });
}
