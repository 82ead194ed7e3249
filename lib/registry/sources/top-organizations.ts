import { parseYaml } from './plain-yaml';
import { psoId, text } from '../schema';
import { emptyContribution, type SourceDef } from './types';

export const topOrganizations: SourceDef = {
  id: 'codegouvfr-top-organizations',
  dataDate: '2024-09-15',
  title: 'code.gouv.fr — top-level bodies',
  file: 'fr-codegouvfr/top_organizations.yml',
  upstream: 'https://code.gouv.fr/data/top_organizations.yml',
  fetchUrl: 'https://code.gouv.fr/data/top_organizations.yml',
  format: 'yaml',
  licence: 'etalab-2.0 OR CC-BY-4.0',
  parse(source) {
    const out = emptyContribution();
    const doc: unknown = parseYaml(source);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('expected a mapping of pso_id to names');
    for (const [id, name] of Object.entries(doc)) {
      const i = psoId.safeParse(id);
      const n = text.safeParse(name);
      if (i.success && n.success) out.names.push({ psoId: i.data, name: n.data });
      else out.rejected.push({ entry: id, reason: i.success ? 'name is not text' : 'key is not a pso_id' });
    }
    return out;
  },
};
