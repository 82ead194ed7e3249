import frList from '../../assets/public/registry-sources/fr-licences/crpa-d323-2-1-software-licences.json';

/** A country's list of licences its public bodies may use for the software they publish. */
export interface LicencePolicy {
  country: string;
  /** SPDX id → kind. */
  allowed: ReadonlyMap<string, 'permissive' | 'reciprocal'>;
  /** Where the rule is explained, for the panel's link. */
  reference: string;
  name: string;
}

type Item = { spdx: string; spdx_also_accept?: string[] };

function fromList(items: Item[], kind: 'permissive' | 'reciprocal'): Array<[string, 'permissive' | 'reciprocal']> {
  return items.flatMap((i) => [i.spdx, ...(i.spdx_also_accept ?? [])].map((id) => [id, kind] as [string, 'permissive' | 'reciprocal']));
}

/** France: CRPA art. D323-2-1 (data file in assets/registry-sources/fr-licences, with its sources). */
const FR: LicencePolicy = {
  country: 'FR',
  name: 'CRPA art. D323-2-1',
  reference: frList._source.legifrance_article,
  allowed: new Map([...fromList(frList.software.permissive, 'permissive'), ...fromList(frList.software.reciprocity_copyleft, 'reciprocal')]),
};

/** Policies as data: one entry per country with a real, published list. */
export const POLICIES: ReadonlyMap<string, LicencePolicy> = new Map([['FR', FR]]);
