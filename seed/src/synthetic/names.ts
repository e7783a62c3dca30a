import type { GeneratedKind } from './context.ts';
import type { Random } from './random.ts';
import type { Place, SectorChain } from './reference.ts';

/** Word stems of company names by sector code, in the style of Romanian trade names. */
const SECTOR_STEMS: Record<string, readonly string[]> = {
  'textiles-leather': ['Textil', 'Confecții', 'Tricotaje', 'Pielărie', 'Moda', 'Filatura'],
  'wood-furniture': ['Lemn', 'Mobila', 'Forest', 'Cherestea', 'Mobilier', 'Parchet'],
  'agrifood-bioeconomy': ['Agro', 'Lacto', 'Panifico', 'Viticola', 'Bio Ferma', 'Cereal'],
  ict: ['Soft', 'Tech', 'Data', 'Net', 'Cloud', 'Digital'],
  'health-medical-imaging': ['Med', 'Pharma', 'Bio', 'Diagnostic', 'Imagistica', 'Clinic'],
  'energy-environment': ['Energ', 'Eco', 'Solar', 'Hidro', 'Termo', 'Green'],
  'mechatronics-materials': ['Mecatronic', 'Metal', 'Automatic', 'Precision', 'Tehnoplast', 'Robotic'],
  'creative-new-media': ['Media', 'Studio', 'Art', 'Film', 'Design', 'Sound'],
  tourism: ['Turism', 'Travel', 'Hotel', 'Resort', 'Tur', 'Holiday'],
};
const FALLBACK_STEMS = ['Industrial', 'Services', 'Trade', 'Systems'];

const PREFIXES = [
  'Nova',
  'Carpat',
  'Dacia',
  'Euro',
  'Trans',
  'Alfa',
  'Omega',
  'Delta',
  'Unirea',
  'Prima',
  'Mega',
  'Intra',
  'Vest',
  'Nord',
  'Terra',
  'Vita',
  'Star',
  'Max',
  'Atlas',
  'Orizont',
] as const;

/** Legal forms of limited companies by country (small, large). */
const LEGAL_FORMS: Record<string, readonly [string, string]> = {
  RO: ['SRL', 'SA'],
  DE: ['GmbH', 'AG'],
  AT: ['GmbH', 'AG'],
  FR: ['SARL', 'SA'],
  IT: ['S.r.l.', 'S.p.A.'],
  EL: ['IKE', 'AE'],
  SI: ['d.o.o.', 'd.d.'],
  HR: ['d.o.o.', 'd.d.'],
  HU: ['Kft.', 'Zrt.'],
  EE: ['OÜ', 'AS'],
  MT: ['Ltd', 'plc'],
  BE: ['SRL', 'SA'],
};

const UNIVERSITY_KINDS = [
  'Technical University',
  'University of Medicine and Pharmacy',
  'University of Agricultural Sciences',
  'University of Economic Studies',
  'University of Arts',
  'State University',
];
const PUBLIC_BODIES = [
  'County Council',
  'Prefecture',
  'County Agriculture Directorate',
  'County Employment Agency',
  'Municipality',
  'County Environmental Protection Agency',
];
const AGENCIES = [
  'Local Development Agency',
  'Metropolitan Development Association',
  'Investment Promotion Agency',
];
const SUPPORT_BODIES = [
  'Business Incubator',
  'Technology Transfer Centre',
  'Science and Technology Park',
  'Innovation Hub',
  'Business Consulting Centre',
];
const NGO_THEMES = [
  'Foundation for Entrepreneurship',
  'Youth Skills Association',
  'Community Foundation',
  'Green Future Association',
];

/**
 * Names that read like the real ones and stay unique: a repeated name gets a number, so a
 * list of ten thousand organisations never shows two identical rows.
 */
export class NameBook {
  private readonly used = new Map<string, number>();

  constructor(private readonly random: Random) {}

  unique(name: string): string {
    const seen = this.used.get(name) ?? 0;
    this.used.set(name, seen + 1);
    return seen === 0 ? name : `${name} ${seen + 1}`;
  }

  organisation(kind: GeneratedKind, place: Place, sector: SectorChain): string {
    const random = this.random;
    switch (kind) {
      case 'SME':
      case 'LARGE_COMPANY': {
        const stem = random.pick(SECTOR_STEMS[sector.code] ?? FALLBACK_STEMS);
        const [small, large] = LEGAL_FORMS[place.country] ?? ['Ltd', 'plc'];
        const base = `${random.pick(PREFIXES)} ${stem} ${place.name}`;
        return `${this.unique(base)} ${kind === 'SME' ? small : large}`;
      }
      case 'UNIVERSITY':
        return this.unique(`${random.pick(UNIVERSITY_KINDS)} of ${place.name}`);
      case 'RESEARCH_INSTITUTE':
        return this.unique(`Research Institute for ${sector.name}, ${place.name}`);
      case 'PUBLIC_AUTHORITY':
        return this.unique(`${place.name} ${random.pick(PUBLIC_BODIES)}`);
      case 'DEVELOPMENT_AGENCY':
        return this.unique(`${place.name} ${random.pick(AGENCIES)}`);
      case 'CHAMBER':
        return this.unique(`Chamber of Commerce and Industry ${place.name}`);
      case 'BUSINESS_SUPPORT':
        return this.unique(`${place.name} ${random.pick(SUPPORT_BODIES)}`);
      case 'NGO':
        return this.unique(`${place.name} ${random.pick(NGO_THEMES)}`);
      case 'CLUSTER_ORGANISATION':
        return this.unique(`${place.name} ${sector.name} Association`);
    }
  }

  cluster(place: Place, sector: SectorChain): string {
    return this.unique(`${place.name} ${sector.name} Cluster`);
  }
}

/** An acronym from the initials of a name's words, e.g. "Cluj Information ... Cluster" -> "CIC". */
export function acronymOf(name: string): string {
  return name
    .split(/[\s,-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('')
    .toUpperCase();
}

const PROJECT_THEMES = [
  'Digital transformation of',
  'Circular economy in',
  'Skills for',
  'Innovation vouchers for',
  'Smart specialisation in',
  'Internationalisation of',
  'Green transition of',
  'Technology transfer in',
  'Cluster excellence in',
  'Value-chain integration in',
];

export function projectTitle(random: Random, sector: SectorChain): string {
  return `${random.pick(PROJECT_THEMES)} ${sector.name.toLowerCase()}`;
}

const ACRONYM_SYLLABLES = [
  'IN',
  'NO',
  'VA',
  'TEC',
  'RO',
  'CLU',
  'STER',
  'DI',
  'GI',
  'BIO',
  'ECO',
  'NET',
  'SMART',
  'LAB',
];

export function projectAcronym(random: Random): string {
  const syllables = 2 + random.int(2);
  let acronym = '';
  for (let i = 0; i < syllables; i++) acronym += random.pick(ACRONYM_SYLLABLES);
  return acronym;
}

const PARTNERSHIP_NAMES: Record<string, string> = {
  PROTOCOL: 'Innovation Partnership Protocol',
  NETWORK: 'Regional Innovation Network',
  REGIONAL_LAB: 'Regional Innovation Lab',
  CONSORTIUM: 'Research and Innovation Consortium',
};

export function partnershipName(kind: string, areaName: string): string {
  return `${areaName} ${PARTNERSHIP_NAMES[kind] ?? 'Partnership'}`;
}
