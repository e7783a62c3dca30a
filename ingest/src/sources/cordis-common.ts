import { isoCountryOfNuts, type OrganisationKind } from '@clustergraph/schema';
import type { CsvCells } from '../imports/csv.ts';
import type { StatementBuilder } from '../imports/statement.ts';

/**
 * CORDIS activity types as organisation kinds. PRC (private for-profit) is an SME or a large
 * company by the SME flag where the file has one; without it (the Horizon 2020 participation
 * file) it is a COMPANY of unknown size.
 */
export const ACTIVITY_TYPES = {
  PRC: 'COMPANY',
  HES: 'UNIVERSITY',
  REC: 'RESEARCH_INSTITUTE',
  PUB: 'PUBLIC_AUTHORITY',
  OTH: 'OTHER',
} as const satisfies Record<string, OrganisationKind>;

export function organisationKind(activityType: keyof typeof ACTIVITY_TYPES, sme?: boolean): OrganisationKind {
  if (activityType === 'PRC' && sme !== undefined) return sme ? 'SME' : 'LARGE_COMPANY';
  return ACTIVITY_TYPES[activityType];
}

/**
 * CORDIS roles as participation roles. A beneficiary other than the coordinator is a PARTNER, as
 * in the curated data; Horizon 2020's "partner" (a partner organisation, not funded) and Horizon
 * Europe's associated partners are ASSOCIATED_PARTNER; linked third parties THIRD_PARTY.
 */
export const ROLES: Readonly<Record<string, string>> = {
  coordinator: 'COORDINATOR',
  participant: 'PARTNER',
  partner: 'ASSOCIATED_PARTNER',
  associatedPartner: 'ASSOCIATED_PARTNER',
  associatedpartner: 'ASSOCIATED_PARTNER',
  thirdParty: 'THIRD_PARTY',
  thirdparty: 'THIRD_PARTY',
  internationalPartner: 'ASSOCIATED_PARTNER',
  internationalpartner: 'ASSOCIATED_PARTNER',
};

/** Framework programmes as Programme nodes; FP7 is the curated one. */
export const FRAMEWORK_PROGRAMMES: Readonly<Record<string, { id: string; name: string; acronym: string }>> = {
  H2020: { id: 'programme:h2020', name: 'Horizon 2020', acronym: 'H2020' },
  HORIZON: { id: 'programme:horizon-europe', name: 'Horizon Europe', acronym: 'HORIZON' },
  FP7: { id: 'programme:fp7', name: 'Seventh Framework Programme', acronym: 'FP7' },
};

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** NUTS and CORDIS write a country the NUTS way (EL, UK); its region is `region:<that code>`. */
export function countryRegion(nutsCountry: string): { id: string; props: Record<string, unknown> } {
  const code = nutsCountry.toUpperCase();
  return {
    id: `region:${code}`,
    props: { code, name: COUNTRY_NAMES.of(isoCountryOfNuts(code)) ?? code, level: 0 },
  };
}

/**
 * The region a NUTS code places an organisation in: the most precise one the graph has (NUTS 3,
 * 2, 1), else its country, which the import states when the graph lacks it.
 */
export function locate(
  builder: StatementBuilder,
  knownRegions: ReadonlySet<string>,
  nutsCode: string,
  row: number,
): string {
  for (let length = nutsCode.length; length > 2; length -= 1) {
    const id = `region:${nutsCode.slice(0, length).toUpperCase()}`;
    if (knownRegions.has(id)) return id;
  }
  const country = countryRegion(nutsCode.slice(0, 2));
  if (!knownRegions.has(country.id)) builder.node('Region', country.id, country.props, row);
  return country.id;
}

/** A country code cell: two letters, as CORDIS writes them. */
export function countryCell(cells: CsvCells, name: string): string | undefined {
  const value = cells.required(name);
  if (value === undefined) return undefined;
  if (!/^[A-Za-z]{2}$/.test(value)) {
    cells.refuse(name, `is not a two-letter country code: "${value}"`);
    return undefined;
  }
  return value.toUpperCase();
}

export function organisationId(pic: string): string {
  return `organisation:pic:${pic}`;
}
