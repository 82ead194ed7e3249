import type { z } from 'zod';

/** zod issues → one short reason, e.g. `ospo_url: not an http(s) URL`. */
export function reasonOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
