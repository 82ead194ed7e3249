/**
 * The level a body's name or login says (lib/registry/levels.ts), one row per rule, on names and logins of the real
 * lists. A login that says nothing keeps no level: that row matters as much as the others.
 */
import { describe, expect, it } from 'vitest';
import { levelFromName } from '@/lib/registry/levels';

const cases: Array<[name: string | undefined, login: string, country: string, level: string | undefined, rule: string]> = [
  // Tribal before anything: "Native Village of" is not a village council.
  ['The Native Village of Eyak', 'nveyak', 'US', 'tribal', 'tribal words'],
  // Regional: words, ISO 3166-2 codes, subdivision names.
  ['Région Île-de-France', 'regionidf', 'FR', 'regional', 'region word'],
  [undefined, 'regionhalland', 'SE', 'regional', 'region in the login'],
  [undefined, 'dbca-wa', 'AU', 'regional', 'state code as a part'],
  [undefined, 'agnsw', 'AU', 'regional', 'state code (3 letters) at the end'],
  [undefined, 'publicrecordofficevictoria', 'AU', 'regional', 'state name'],
  [undefined, 'electionsquebec', 'CA', 'regional', 'province name'],
  [undefined, 'govalta', 'CA', 'regional', 'short province name at the end'],
  [undefined, 'gnwt', 'CA', 'regional', 'territory abbreviation at the end'],
  [undefined, 'oberverwaltungsgericht-rheinland-pfalz', 'DE', 'regional', 'Land name'],
  [undefined, 'rogaland', 'NO', 'regional', 'county name'],
  [undefined, 'secom-tocantins', 'BR', 'regional', 'state name'],
  // Local.
  ['City of Boston', 'cityofboston', 'US', 'local', 'city of'],
  [undefined, 'helsingin-kaupungin-tietokeskus', 'FI', 'local', 'kaupungin (genitive of kaupunki)'],
  [undefined, 'malmostad', 'SE', 'local', 'stad'],
  [undefined, 'Sundsvallskommun', 'SE', 'local', 'kommun'],
  [undefined, 'localgovernment', 'NZ', 'local', 'localgov before government'],
  ['Camden Council', 'CamdenCouncil', 'GB', 'local', 'council when nothing says national'],
  // National.
  ['National Research Council Canada', 'nrc-cnrc', 'CA', 'national', 'national beats council'],
  [undefined, 'nasjonalmuseet', 'NO', 'national', 'Norwegian nasjonal'],
  [undefined, 'nacionaline-sporto-agentura', 'LT', 'national', 'Lithuanian nacionaline'],
  [undefined, 'aplinkosministerija', 'LT', 'national', 'Lithuanian ministerija'],
  [undefined, 'natlibfi', 'FI', 'national', 'national library'],
  [undefined, 'opetushallitus', 'FI', 'national', 'Finnish hallitus (board)'],
  [undefined, 'riksarkivet', 'SE', 'national', 'riks-'],
  [undefined, 'camaradosdeputadosoficial', 'BR', 'national', 'the national chamber'],
  [undefined, 'tweedekamer', 'NL', 'national', 'the Dutch lower house'],
  [undefined, 'isle-of-man-government', 'IM', 'national', 'ends in government'],
  [undefined, 'governmentbg', 'BG', 'national', 'government + country code'],
  [undefined, 'datagvat', 'AT', 'national', 'data.gv.at'],
  [undefined, 'opendatalu', 'LU', 'national', 'open data + country code'],
  [undefined, 'e-gov', 'EE', 'national', 'e-government programme'],
  [undefined, 'kb-dk', 'DK', 'national', 'country code as a part'],
  [undefined, 'ctt-gob-es', 'ES', 'national', 'country code as a part'],
  [undefined, 'treasury-aus', 'AU', 'national', 'country abbreviation'],
  [undefined, 'jobtechswe', 'SE', 'national', 'country abbreviation'],
  [undefined, 'linz', 'NZ', 'national', 'country code (NZ) in the login'],
  [undefined, 'hseireland', 'IE', 'national', 'country name'],
  [undefined, 'statisticssweden', 'SE', 'national', 'country name'],
  [undefined, 'govbr', 'BR', 'national', 'gov + country code'],
  // Silent: nothing in the login says the level.
  [undefined, 'smhi', 'SE', undefined, 'an acronym'],
  [undefined, 'navikt', 'NO', undefined, 'an acronym'],
  [undefined, 'scagovernments', 'US', undefined, '"governments" (an association of them) is not "government"'],
  [undefined, 'vasttrafik', 'SE', undefined, 'a transport company'],
  [undefined, 'rostock', 'DE', undefined, 'a city name alone'],
];

describe('levelFromName: what a name or login says, and only that', () => {
  it.each(cases)('%s / %s (%s) → %s: %s', (name, login, country, level) => {
    expect(levelFromName(name, login, country)).toBe(level);
  });

  it('a country’s words count only for that country (“aus” is not Austria’s, “nz” not Switzerland’s)', () => {
    expect(levelFromName(undefined, 'treasury-aus', 'AT')).toBeUndefined();
    expect(levelFromName(undefined, 'linz', 'AT')).toBeUndefined();
  });
});
