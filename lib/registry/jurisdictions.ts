/**
 * Where a body is: a country (ISO 3166-1 alpha-2), or an international organisation (EU, UN, other), and its level
 * of government. Data tables, each with a test: every heading of the government account lists, every ISO 3166-1
 * alpha-3 code of world-governments.csv.
 */

export type Level = 'national' | 'regional' | 'local' | 'international' | 'military' | 'tribal';
/** International bodies have no country: the EU's institutions, the UN system, other international organisations. */
export type International = 'EU' | 'UN' | 'INT';

export interface Jurisdiction {
  country?: string;
  international?: International;
  level?: Level;
}

/**
 * Headings of GitHub's government list (`github-governments.yml`, 2024) and of Software Heritage's copy
 * (`github-gov-orgs.csv`, 2026). A country heading says nothing of the level (it mixes ministries, cities and
 * agencies); the U.S. and U.K. headings do.
 */
export const HEADINGS: Readonly<Record<string, Jurisdiction>> = {
  Argentina: { country: 'AR' },
  Australia: { country: 'AU' },
  Austria: { country: 'AT' },
  Belgium: { country: 'BE' },
  Bolivia: { country: 'BO' },
  Brazil: { country: 'BR' },
  Bulgaria: { country: 'BG' },
  Cambodia: { country: 'KH' },
  Canada: { country: 'CA' },
  Chile: { country: 'CL' },
  China: { country: 'CN' },
  Colombia: { country: 'CO' },
  'Czech Republic': { country: 'CZ' },
  Denmark: { country: 'DK' },
  Ecuador: { country: 'EC' },
  Egypt: { country: 'EG' },
  Estonia: { country: 'EE' },
  Ethiopia: { country: 'ET' },
  'European Union': { international: 'EU', level: 'international' },
  Finland: { country: 'FI' },
  France: { country: 'FR' },
  'French Polynesia': { country: 'PF' },
  Germany: { country: 'DE' },
  Guatemala: { country: 'GT' },
  'Hong Kong': { country: 'HK' },
  Hungary: { country: 'HU' },
  India: { country: 'IN' },
  Indonesia: { country: 'ID' },
  International: { international: 'INT', level: 'international' },
  Ireland: { country: 'IE' },
  'Isle of Man': { country: 'IM' },
  Israel: { country: 'IL' },
  Italy: { country: 'IT' },
  Japan: { country: 'JP' },
  Jersey: { country: 'JE' },
  // Kosovo has no ISO 3166-1 code; XK is the user-assigned code the EU, the IMF and CLDR (Intl.DisplayNames) use.
  Kosovo: { country: 'XK' },
  Latvia: { country: 'LV' },
  Lithuania: { country: 'LT' },
  Luxemburg: { country: 'LU' },
  Malaysia: { country: 'MY' },
  Mauritius: { country: 'MU' },
  Mexico: { country: 'MX' },
  Netherlands: { country: 'NL' },
  'New Zealand': { country: 'NZ' },
  Norway: { country: 'NO' },
  Panama: { country: 'PA' },
  Paraguay: { country: 'PY' },
  Peru: { country: 'PE' },
  Philippines: { country: 'PH' },
  Poland: { country: 'PL' },
  Portugal: { country: 'PT' },
  'Republic of Korea': { country: 'KR' },
  Romania: { country: 'RO' },
  Russia: { country: 'RU' },
  'Saudi Arabia': { country: 'SA' },
  Singapore: { country: 'SG' },
  Slovakia: { country: 'SK' },
  'South Africa': { country: 'ZA' },
  Spain: { country: 'ES' },
  Sweden: { country: 'SE' },
  Switzerland: { country: 'CH' },
  Taiwan: { country: 'TW' },
  Thailand: { country: 'TH' },
  'U.K. Central': { country: 'GB', level: 'national' },
  'U.K. Councils': { country: 'GB', level: 'local' },
  'U.S. City': { country: 'US', level: 'local' },
  'U.S. County': { country: 'US', level: 'local' },
  'U.S. Federal': { country: 'US', level: 'national' },
  'U.S. Local Law Enforcement': { country: 'US', level: 'local' },
  'U.S. Military and Intelligence': { country: 'US', level: 'military' },
  'U.S. Special District': { country: 'US', level: 'local' },
  'U.S. States': { country: 'US', level: 'regional' },
  'U.S. Tribal Nations': { country: 'US', level: 'tribal' },
  Ukraine: { country: 'UA' },
  'United Nations': { international: 'UN', level: 'international' },
  Venezuela: { country: 'VE' },
};

/** ISO 3166-1 alpha-3 → alpha-2, as world-governments.csv (Software Heritage, CC0) pairs them. */
export const ISO3_TO_ISO2: Readonly<Record<string, string>> = {
  AFG: 'AF', AGO: 'AO', ALB: 'AL', AND: 'AD', ARE: 'AE', ARG: 'AR', ARM: 'AM', ATG: 'AG', AUS: 'AU', AUT: 'AT',
  AZE: 'AZ', BDI: 'BI', BEL: 'BE', BEN: 'BJ', BFA: 'BF', BGD: 'BD', BGR: 'BG', BHR: 'BH', BHS: 'BS', BIH: 'BA',
  BLR: 'BY', BLZ: 'BZ', BOL: 'BO', BRA: 'BR', BRB: 'BB', BRN: 'BN', BTN: 'BT', BWA: 'BW', CAF: 'CF', CAN: 'CA',
  CHE: 'CH', CHL: 'CL', CHN: 'CN', CIV: 'CI', CMR: 'CM', COD: 'CD', COG: 'CG', COL: 'CO', COM: 'KM', CPV: 'CV',
  CRI: 'CR', CUB: 'CU', CYP: 'CY', CZE: 'CZ', DEU: 'DE', DJI: 'DJ', DMA: 'DM', DNK: 'DK', DOM: 'DO', DZA: 'DZ',
  ECU: 'EC', EGY: 'EG', ERI: 'ER', ESP: 'ES', EST: 'EE', ETH: 'ET', FIN: 'FI', FJI: 'FJ', FRA: 'FR', FSM: 'FM',
  GAB: 'GA', GBR: 'GB', GEO: 'GE', GHA: 'GH', GIN: 'GN', GMB: 'GM', GNB: 'GW', GNQ: 'GQ', GRC: 'GR', GRD: 'GD',
  GTM: 'GT', GUY: 'GY', HND: 'HN', HRV: 'HR', HTI: 'HT', HUN: 'HU', IDN: 'ID', IND: 'IN', IRL: 'IE', IRN: 'IR',
  IRQ: 'IQ', ISL: 'IS', ISR: 'IL', ITA: 'IT', JAM: 'JM', JOR: 'JO', JPN: 'JP', KAZ: 'KZ', KEN: 'KE', KGZ: 'KG',
  KHM: 'KH', KIR: 'KI', KNA: 'KN', KOR: 'KR', KWT: 'KW', LAO: 'LA', LBN: 'LB', LBR: 'LR', LBY: 'LY', LCA: 'LC',
  LIE: 'LI', LKA: 'LK', LSO: 'LS', LTU: 'LT', LUX: 'LU', LVA: 'LV', MAR: 'MA', MCO: 'MC', MDA: 'MD', MDG: 'MG',
  MDV: 'MV', MEX: 'MX', MHL: 'MH', MKD: 'MK', MLI: 'ML', MLT: 'MT', MMR: 'MM', MNE: 'ME', MNG: 'MN', MOZ: 'MZ',
  MRT: 'MR', MUS: 'MU', MWI: 'MW', MYS: 'MY', NAM: 'NA', NER: 'NE', NGA: 'NG', NIC: 'NI', NLD: 'NL', NOR: 'NO',
  NPL: 'NP', NRU: 'NR', NZL: 'NZ', OMN: 'OM', PAK: 'PK', PAN: 'PA', PER: 'PE', PHL: 'PH', PLW: 'PW', PNG: 'PG',
  POL: 'PL', PRK: 'KP', PRT: 'PT', PRY: 'PY', PSE: 'PS', QAT: 'QA', ROU: 'RO', RUS: 'RU', RWA: 'RW', SAU: 'SA',
  SDN: 'SD', SEN: 'SN', SGP: 'SG', SLB: 'SB', SLE: 'SL', SLV: 'SV', SMR: 'SM', SOM: 'SO', SRB: 'RS', SSD: 'SS',
  STP: 'ST', SUR: 'SR', SVK: 'SK', SVN: 'SI', SWE: 'SE', SWZ: 'SZ', SYC: 'SC', SYR: 'SY', TCD: 'TD', TGO: 'TG',
  THA: 'TH', TJK: 'TJ', TKM: 'TM', TLS: 'TL', TON: 'TO', TTO: 'TT', TUN: 'TN', TUR: 'TR', TUV: 'TV', TWN: 'TW',
  TZA: 'TZ', UGA: 'UG', UKR: 'UA', URY: 'UY', USA: 'US', UZB: 'UZ', VAT: 'VA', VCT: 'VC', VEN: 'VE', VNM: 'VN',
  VUT: 'VU', WSM: 'WS', XKX: 'XK', YEM: 'YE', ZAF: 'ZA', ZMB: 'ZM', ZWE: 'ZW'
};

/**
 * A `ISO3_slug` jurisdiction of Software Heritage's files (`DEU_germany`, `EU_european_union`, `UN_united_nations`,
 * `WBG_world_bank`) → where it is. Undefined for what the table does not know.
 */
export function jurisdictionOfSlug(slug: string): Jurisdiction | undefined {
  const code = slug.split('_')[0] ?? '';
  if (code === 'EU') return { international: 'EU', level: 'international' };
  if (code === 'UN') return { international: 'UN', level: 'international' };
  if (code === 'WBG' || code === 'IDB') return { international: 'INT', level: 'international' };
  const country = ISO3_TO_ISO2[code];
  return country ? { country } : undefined;
}
