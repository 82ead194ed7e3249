import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { HEAVY } from '@/lib/heavy/api';
import { extensionHeavyEnv } from '@/lib/heavy/env';
import { serveJobs, type WorkerScope } from '@/lib/heavy/serve';

/** The compiler's worker (Chrome): the heavy code, running the jobs its document passes on (lib/heavy/remote.ts). */
export default defineUnlistedScript({
  exclude: ['firefox'],
  main: () => serveJobs(self as unknown as WorkerScope, HEAVY, extensionHeavyEnv(self.location.origin)),
});
