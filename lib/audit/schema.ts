import { z } from 'zod';

/**
 * The organisation audit's answer (DESIGN.md §5, `audit:org --json` and the page's JSON export), as zod schemas: the
 * JSON Schema in docs/audit.schema.json is generated from them (`npm run registry:schema`; a test fails on drift).
 */
export const LICENCE_STATUSES = ['allowed', 'osi', 'free', 'missing', 'unknown', 'non-free', 'not-in-policy'] as const;

export const auditRowSchema = z
  .object({
    /** The repository's page. */
    repository: z.string(),
    /** `owner/name` (GitHub) or the project's full path (GitLab). */
    name: z.string(),
    archived: z.boolean(),
    fork: z.boolean(),
    /** Last push (GitHub) or activity (GitLab), ISO 8601. */
    pushedAt: z.string().nullable(),
    /** The licence as an SPDX id (or expression); null when none is stated or it could not be identified. */
    spdx: z.string().nullable(),
    /** Where the licence was read: the forge's repository list, the licence file itself, or the files (REUSE). */
    licenceFrom: z.enum(['list', 'licence-file', 'files']).nullable(),
    /** The verdict by the body's country policy: what `npm run licence -- <spdx> --country <cc>` says. */
    status: z.enum(LICENCE_STATUSES),
    /** Permissive or reciprocal, where the policy says. */
    kind: z.enum(['permissive', 'reciprocal']).nullable(),
    /** Root files (null until the root listing is read). */
    publiccode: z.boolean().nullable(),
    reuse: z.boolean().nullable(),
    contributing: z.boolean().nullable(),
    security: z.boolean().nullable(),
    /** The root listing (and, for an "Other" licence, the licence file) read; false while the rate limit waits. */
    checked: z.boolean(),
    /** The default branch, for the new-file links. */
    branch: z.string().nullable(),
    /** The day of the answers this row is made of (YYYY-MM-DD). */
    dataDate: z.string(),
    /** Per field, the forge API answer it was read from. */
    from: z.object({ list: z.string(), licence: z.string().optional(), root: z.string().optional() }).strict(),
  })
  .strict();

const count = z.number().int().nonnegative();

export const auditReportSchema = z
  .object({
    /** The account audited (the first, when a body has several). */
    account: z.string(),
    /** Every account audited as one body. */
    accounts: z.array(z.string()),
    country: z.string().optional(),
    /** The licence policy the verdicts follow (absent: OSI approval and FSF freedom). */
    policy: z.string().optional(),
    /** The day of the newest answer (YYYY-MM-DD). */
    dataDate: z.string(),
    counts: z
      .object({
        repositories: count,
        allowed: count,
        'not-in-policy': count,
        missing: count,
        unknown: count,
        osi: count,
        free: count,
        'non-free': count,
        publiccode: count,
        archived: count,
        forks: count,
        notChecked: count,
        /** Active (not archived), not forks: the repositories the body answers for. */
        activeOwn: count,
        /** Of those, with a licence its policy allows (with no policy: OSI-approved or free). */
        activeOwnAllowed: count,
      })
      .strict(),
    requests: z.object({ made: count, fromCache: count, byHost: z.record(z.string(), count) }).strict(),
    /** Every row read (true), or some wait for the rate limit (false: `resumesAt`). */
    complete: z.boolean(),
    resumesAt: z.string().optional(),
    /** What could not be read, said in words (an account that is not a group, a forge that refused…). */
    errors: z.array(z.string()),
    rows: z.array(auditRowSchema),
  })
  .strict();

export type AuditRow = z.infer<typeof auditRowSchema>;
export type AuditReport = z.infer<typeof auditReportSchema>;
export type AuditCounts = AuditReport['counts'];
