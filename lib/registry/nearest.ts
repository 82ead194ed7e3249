import { accountKey } from './account-key';
import type { Level, Ospo } from './schema';

/**
 * The government-wide offices offered as "nearest" to a body without an OSPO of its own: each serves one jurisdiction,
 * at the levels it serves (all when absent), and is never another body's own office offered to strangers. A choice
 * of ours, stated in the README (Coverage) with the reason below; an office missing from the data is not offered.
 * Left out on purpose: UNDP's OSPO (UNDP's own office, not the UN system's), the City of Munich's and
 * Schleswig-Holstein's (their own bodies'), CMS's (one U.S. agency's).
 */
export const NEAREST_OFFICES: ReadonlyArray<{ jurisdiction: string; url: string; levels?: readonly Level[]; serves: string }> = [
  { jurisdiction: 'FR', url: 'https://code.gouv.fr', serves: "DINUM's open source unit, which runs code.gouv.fr for the whole French public sector" },
  { jurisdiction: 'NL', url: 'https://opensourcewerken.nl/', levels: ['national'], serves: "the national government's OSPO, for the central government's bodies" },
  { jurisdiction: 'DK', url: 'https://os2.eu', levels: ['local', 'regional'], serves: 'OS2, the association through which Danish municipalities and regions share their code' },
];

/** The offices of the table that are in the OSPO lists, by id. */
export function nearestOsposOf(ospos: ReadonlyMap<string, Ospo>): Array<{ jurisdiction: string; ospo: string; levels?: Level[]; serves: string }> {
  return NEAREST_OFFICES.flatMap((n) => {
    const id = accountKey(n.url);
    return id && ospos.has(id) ? [{ jurisdiction: n.jurisdiction, ospo: id, ...(n.levels ? { levels: [...n.levels] } : {}), serves: n.serves }] : [];
  });
}
