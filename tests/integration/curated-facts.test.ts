import {
  type NodeLabel,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  SOURCED_LABELS,
} from '@clustergraph/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * The curated graph holds the facts of the five source documents (shared/seeds/ beside the repository), read back
 * through the GraphQL API the way a user would find them: by search words, region codes and
 * kinds, never by internal ids. Every expectation was checked against the document text, not
 * against seed/data, so a wrong or lost fact in the JSON fails here.
 */

const ASVILOC_PLUS = '000_aae1adccbe041b8a.txt';
const UNION_OF_INNOVATION = '001_aa836cee503152be.txt';
const CLUSTER_INOVATIV = '002_03ec9aebe6bac5dd.txt';
const POOLING4CLUSTERS = '003_7a46d0caabdbae13.txt';
const ADR_NORD_EST_PILOT = '004_2641dbd8fc06adf5.txt';

/** The two public classifications the dataset adds to the documents (seed/data/README.md). */
const NUTS_2021 = 'NUTS 2021 (Eurostat)';
const NACE_REV_2 = 'NACE Rev. 2 (Eurostat)';

type Document =
  | typeof ASVILOC_PLUS
  | typeof UNION_OF_INNOVATION
  | typeof CLUSTER_INOVATIV
  | typeof POOLING4CLUSTERS
  | typeof ADR_NORD_EST_PILOT
  | typeof NUTS_2021
  | typeof NACE_REV_2;

const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
});

// ---------------------------------------------------------------------------------------------
// Requests, each with the shape of its answer
// ---------------------------------------------------------------------------------------------

/** A GraphQL request whose answer has the shape `Data` (a phantom type, for the checks). */
type Request<Data> = { query: string; variables: Record<string, unknown>; answer?: Data };

type SourceShape = { document: string; section: string };
type RegionClaimShape = { region: { code: string }; sources: SourceShape[] };
type Named = { name: string };
type Edges<T> = { edges: { node: T }[] };

type ProjectShape = {
  code: string;
  acronym: string | null;
  title: string;
  startDate: string | null;
  endDate: string | null;
  director: string | null;
  domain: string | null;
  objectives: string[];
  results: string[];
  coordinator: { name: string; acronym: string | null } | null;
  programme: { name: string; acronym: string | null; parent: { acronym: string | null } | null } | null;
  sectors: { code: string }[];
  clusters: {
    name: string;
    declaredMemberCount: number | null;
    declaredMemberCountOn: string | null;
    managedBy: { name: string; acronym: string | null } | null;
    locatedIn: RegionClaimShape[];
  }[];
  participants: { totalCount: number; edges: { role: string | null; node: OrganisationShape }[] };
  sources: SourceShape[];
};
function projects(search: string): Request<{ projects: Edges<ProjectShape> }> {
  return {
    query: `query CuratedProjects($search: String!) {
      projects(filter: { search: $search, synthetic: false }, first: 20) { edges { node {
        code acronym title startDate endDate director domain objectives results
        coordinator { name acronym }
        programme { name acronym parent { acronym } }
        sectors { code }
        clusters { name declaredMemberCount declaredMemberCountOn managedBy { name acronym }
          locatedIn { region { code } sources { document section } } }
        participants(first: 20) { totalCount edges { role node { name acronym kind region { code } } } }
        sources { document section }
      } } }
    }`,
    variables: { search },
  };
}

type ClusterShape = {
  name: string;
  nameLocal: string | null;
  acronym: string | null;
  declaredMemberCount: number | null;
  labels: { level: string; issuer: string | null }[];
  region: { code: string } | null;
  locatedIn: RegionClaimShape[];
  sectors: { code: string }[];
  members: Edges<Named>;
  partnerships: { name: string; kind: string }[];
  projects: { acronym: string | null }[];
};
type ClusterFilter = { search?: string; regionCodes?: string[]; sectorCodes?: string[] };
function clusters(
  filter: ClusterFilter,
): Request<{ clusters: { totalCount: number } & Edges<ClusterShape> }> {
  return {
    query: `query CuratedClusters($filter: ClusterFilter!) {
      clusters(filter: $filter, first: 100) { totalCount edges { node {
        name nameLocal acronym declaredMemberCount
        labels { level issuer }
        region { code }
        locatedIn { region { code } sources { document section } }
        sectors { code }
        members(first: 20) { edges { node { name } } }
        partnerships { name kind }
        projects { acronym }
      } } }
    }`,
    variables: { filter: { ...filter, synthetic: false } },
  };
}

type OrganisationShape = {
  name: string;
  acronym: string | null;
  kind: string;
  region: { code: string } | null;
};
type OrganisationDetailShape = OrganisationShape & {
  nameLocal: string | null;
  description: string | null;
  parent: { name: string; acronym: string | null } | null;
  units: Named[];
  managedClusters: Named[];
  sources: SourceShape[];
};
type OrganisationFilter = { search?: string; regionCodes?: string[]; kinds?: string[] };
function organisations(
  filter: OrganisationFilter,
): Request<{ organisations: Edges<OrganisationDetailShape> }> {
  return {
    query: `query CuratedOrganisations($filter: OrganisationFilter!) {
      organisations(filter: $filter, first: 100) { edges { node {
        name nameLocal acronym kind description region { code }
        parent { name acronym } units { name } managedClusters { name }
        sources { document section }
      } } }
    }`,
    variables: { filter: { ...filter, synthetic: false } },
  };
}

type PartnershipShape = {
  name: string;
  kind: string;
  objectives: string[];
  actionAreas: string[];
  specificActions: string[];
  memberKinds: { kind: string; name: string; count: number | null }[];
  region: { code: string } | null;
  partners: OrganisationShape[];
  needs: { text: string; kind: string }[];
  sources: SourceShape[];
};
function partnerships(search: string): Request<{ partnerships: Edges<PartnershipShape> }> {
  return {
    query: `query CuratedPartnerships($search: String!) {
      partnerships(filter: { search: $search, synthetic: false }, first: 50) { edges { node {
        name kind objectives actionAreas specificActions memberKinds { kind name count } region { code }
        partners { name acronym kind region { code } }
        needs { text kind }
        sources { document section }
      } } }
    }`,
    variables: { search },
  };
}

type PilotActionShape = {
  title: string;
  level: string;
  description: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  startDate: string | null;
  endDate: string | null;
  region: { code: string } | null;
  programme: { name: string; acronym: string | null } | null;
  project: { acronym: string | null; title: string } | null;
  proposedBy: Named[];
  addresses: { text: string; kind: string }[];
  sources: SourceShape[];
};
type PilotActionFilter = { search?: string; regionCodes?: string[] };
function pilotActions(filter: PilotActionFilter): Request<{ pilotActions: Edges<PilotActionShape> }> {
  return {
    query: `query CuratedPilotActions($filter: PilotActionFilter!) {
      pilotActions(filter: $filter, first: 100) { edges { node {
        title level description budgetAmount budgetCurrency startDate endDate
        region { code } programme { name acronym } project { acronym title }
        proposedBy { name } addresses { text kind }
        sources { document section }
      } } }
    }`,
    variables: { filter: { ...filter, synthetic: false } },
  };
}

type NeedShape = {
  text: string;
  kind: string;
  region: { code: string } | null;
  identifiedIn: Named[];
  addressedBy: { title: string }[];
  sources: SourceShape[];
};
type NeedFilter = { search?: string; regionCodes?: string[]; kinds?: string[] };
function needs(filter: NeedFilter): Request<{ needs: Edges<NeedShape> }> {
  return {
    query: `query CuratedNeeds($filter: NeedFilter!) {
      needs(filter: $filter, first: 100) { edges { node {
        text kind region { code } identifiedIn { name } addressedBy { title }
        sources { document section }
      } } }
    }`,
    variables: { filter: { ...filter, synthetic: false } },
  };
}

type GoodPracticeShape = {
  name: string;
  description: string | null;
  identifiedIn: { acronym: string | null }[];
  originatesFrom: { name: string; acronym: string | null }[];
  testedBy: { how: string | null; organisation: { name: string; acronym: string | null } }[];
  sources: SourceShape[];
};
function goodPractices(): Request<{ goodPractices: { totalCount: number } & Edges<GoodPracticeShape> }> {
  return {
    query: `query CuratedGoodPractices {
      goodPractices(filter: { synthetic: false }, first: 100) { totalCount edges { node {
        name description identifiedIn { acronym } originatesFrom { name acronym }
        testedBy { how organisation { name acronym } }
        sources { document section }
      } } }
    }`,
    variables: {},
  };
}

type ProgrammeShape = {
  name: string;
  acronym: string | null;
  parent: { name: string; acronym: string | null } | null;
  projects: { totalCount: number } & Edges<{ acronym: string | null }>;
  pilotActions: { title: string }[];
};
function programmes(search: string): Request<{ programmes: Edges<ProgrammeShape> }> {
  return {
    query: `query CuratedProgrammes($search: String!) {
      programmes(filter: { search: $search }, first: 20) { edges { node {
        name acronym parent { name acronym }
        projects(first: 50) { totalCount edges { node { acronym } } }
        pilotActions { title }
      } } }
    }`,
    variables: { search },
  };
}

type RegionShape = {
  code: string;
  name: string;
  level: number;
  parent: {
    code: string;
    name: string;
    parent: { code: string; parent: { code: string } | null } | null;
  } | null;
  children: { code: string; name: string }[];
};
type RegionFilter = { search?: string; regionCodes?: string[]; levels?: number[] };
function regions(filter: RegionFilter): Request<{ regions: Edges<RegionShape> }> {
  return {
    query: `query CuratedRegions($filter: RegionFilter!) {
      regions(filter: $filter, first: 100) { edges { node {
        code name level
        parent { code name parent { code parent { code } } }
        children { code name }
      } } }
    }`,
    variables: { filter },
  };
}

function search(text: string, types: string[]): Request<{ search: { type: string; name: string }[] }> {
  return {
    query: `query CuratedSearch($text: String!, $types: [NodeType!]) {
      search(query: $text, types: $types, synthetic: false, first: 10) { type name }
    }`,
    variables: { text, types },
  };
}

type SectorShape = {
  code: string;
  name: string;
  nameLocal: string | null;
  naceCodes: string[];
  valueChain: { name: string; kind: string; naceCodes: string[] }[];
  clusters: Named[];
};
function sectors(search: string): Request<{ sectors: Edges<SectorShape> }> {
  return {
    query: `query CuratedSectors($search: String!) {
      sectors(filter: { search: $search }, first: 20) { edges { node {
        code name nameLocal naceCodes
        valueChain { name kind naceCodes }
        clusters { name }
      } } }
    }`,
    variables: { search },
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers for the checks
// ---------------------------------------------------------------------------------------------

function nodes<T>(connection: Edges<T> | undefined): T[] {
  return (connection?.edges ?? []).map((edge) => edge.node);
}

/** The one item the predicate picks; fails the fact when there is none or more than one. */
function only<T>(items: readonly T[], predicate: (item: T) => boolean, what: string): T {
  const found = items.filter(predicate);
  if (found.length !== 1) throw new Error(`expected exactly one ${what}, found ${found.length}`);
  return found[0] as T;
}

function sorted(values: readonly (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string').sort();
}

function namesOf(items: readonly Named[]): string[] {
  return sorted(items.map((item) => item.name));
}

function documentsOf(sources: readonly SourceShape[]): string[] {
  return [...new Set(sources.map((source) => source.document))].sort();
}

/** The regions a document places something in. */
function claimedBy(document: string, claims: readonly RegionClaimShape[]): string[] {
  return sorted(
    claims
      .filter((claim) => claim.sources.some((source) => source.document === document))
      .map((claim) => claim.region.code),
  );
}

// ---------------------------------------------------------------------------------------------
// The facts
// ---------------------------------------------------------------------------------------------

type Fact = {
  document: Document;
  fact: string;
  query: string;
  variables: Record<string, unknown>;
  check: (data: unknown) => void;
};

function fact<Data>(
  document: Document,
  text: string,
  request: Request<Data>,
  check: (data: Data) => void,
): Fact {
  return {
    document,
    fact: text,
    query: request.query,
    variables: request.variables,
    check: (data) => check(data as Data),
  };
}

/** One row of the header table of each funded Cluster Inovativ project (002). */
type ClusterInovativRow = {
  number: number;
  acronym: string;
  period: [string, string];
  coordinator: RegExp;
  director: string;
  members: number;
  /** NUTS 2 code of the "Regiunea" column. */
  region: string;
  /** The "Domeniu" column, in English, and the sector it belongs to. */
  domain: string;
  sector: string;
};

const clusterInovativRows: ClusterInovativRow[] = [
  {
    number: 1,
    acronym: 'INOV-TREC',
    period: ['2018-06-01', '2020-05-31'],
    coordinator: /Cluster T\.R\.E\.C\. - Transylvania Energy Cluster/,
    director: 'Adrian Bot',
    members: 32,
    region: 'RO11',
    domain: 'Energy, environment and climate change',
    sector: 'energy-environment',
  },
  {
    number: 2,
    acronym: 'INDAGRO',
    // The document gives 2017 as the start year, unlike the other eleven: kept as written.
    period: ['2017-07-01', '2020-06-30'],
    coordinator: /IND-AGRO-POL/,
    director: 'Cornelia Muraru-Ionel',
    members: 100,
    region: 'RO31',
    domain: 'Bioeconomy',
    sector: 'agrifood-bioeconomy',
  },
  {
    number: 3,
    acronym: 'Ino Tex',
    period: ['2018-07-01', '2020-06-30'],
    coordinator: /Romanian Textile Concept/,
    director: 'Sara Wechsler',
    members: 61,
    region: 'RO31',
    domain: 'Textiles and leather',
    sector: 'textiles-leather',
  },
  {
    number: 4,
    acronym: 'CATINN',
    period: ['2018-07-02', '2020-06-30'],
    coordinator: /Transylvania Textile & Fashion/,
    director: 'Bogyo Sanda-Mirela',
    members: 32,
    region: 'RO12',
    domain: 'Textiles and leather',
    sector: 'textiles-leather',
  },
  {
    number: 5,
    acronym: 'CM',
    period: ['2018-07-02', '2020-06-30'],
    coordinator: /Cluster Mobilier Transilvan/,
    director: 'Ciprian Morcan',
    members: 70,
    region: 'RO11',
    domain: 'Wood and furniture',
    sector: 'wood-furniture',
  },
  {
    // The document omits this project's number row; it is the sixth of the twelve.
    number: 6,
    acronym: 'INNO WOOD',
    period: ['2018-07-01', '2020-06-30'],
    coordinator: /KO-FA/,
    director: 'Kadar Rezso',
    members: 57,
    region: 'RO12',
    domain: 'Wood and furniture',
    sector: 'wood-furniture',
  },
  {
    number: 7,
    acronym: 'MECHATRANS',
    period: ['2018-06-01', '2020-05-31'],
    coordinator: /Fine Mechanics, Optics and Mechatronics/,
    director: 'Gheorghe Gheorghe',
    members: 15,
    region: 'RO41',
    domain: 'Eco-nano-technologies and advanced materials',
    sector: 'mechatronics-materials',
  },
  {
    number: 8,
    acronym: 'ASTRICONE',
    period: ['2018-06-01', '2020-05-31'],
    coordinator: /ASTRICO NORD-EST/,
    director: 'Șerban Cezar Strătilă',
    members: 32,
    region: 'RO21',
    domain: 'Textiles and leather',
    sector: 'textiles-leather',
  },
  {
    number: 9,
    acronym: 'CRONOS',
    period: ['2018-04-01', '2020-06-03'],
    coordinator: /Cluj IT/,
    director: 'Stelian Brad',
    members: 54,
    region: 'RO11',
    domain: 'Information and communication technology, space and security',
    sector: 'ict',
  },
  {
    number: 10,
    acronym: 'SMARTI',
    period: ['2018-06-05', '2020-06-05'],
    coordinator: /Promotion of Electronic Technology/,
    director: 'Bogdan Mihăilescu',
    members: 65,
    region: 'RO32',
    domain: 'Information and communication technology',
    sector: 'ict',
  },
  {
    number: 11,
    acronym: 'SANINFO',
    period: ['2018-06-11', '2020-06-10'],
    coordinator: /SMURD/,
    director: 'Costică Voicu',
    members: 20,
    region: 'RO22',
    domain: 'Health (including pharmaceutical science)',
    sector: 'health-medical-imaging',
  },
  {
    number: 12,
    acronym: 'CEX-IMAG',
    period: ['2018-07-01', '2020-06-30'],
    coordinator: /IMAGO-MOL/,
    director: 'Alina Căpitanu',
    members: 27,
    region: 'RO21',
    domain: 'Health (including pharmaceutical science)',
    sector: 'health-medical-imaging',
  },
];

const clusterInovativFacts = clusterInovativRows.map((row) =>
  fact(
    CLUSTER_INOVATIV,
    `project ${row.number} CLS/${row.acronym}: ${row.period.join(' to ')}, coordinated by ${row.coordinator.source}, ` +
      `director ${row.director}, ${row.members} cluster members, region ${row.region}, domain ${row.domain}`,
    projects(row.acronym),
    (data) => {
      const project = only(
        nodes(data.projects),
        (node) => node.acronym === row.acronym,
        `project ${row.acronym}`,
      );
      expect(project.code).toBe(`${row.number} CLS`);
      expect([project.startDate, project.endDate]).toEqual(row.period);
      expect(project.director).toBe(row.director);
      expect(project.domain).toBe(row.domain);
      expect(project.sectors.map((sector) => sector.code)).toEqual([row.sector]);
      expect(project.coordinator?.name).toMatch(row.coordinator);
      expect(project.programme?.parent?.acronym).toBe('PNCDI III');
      const cluster = only(project.clusters, () => true, `cluster of ${row.acronym}`);
      expect(cluster.declaredMemberCount).toBe(row.members);
      expect(cluster.declaredMemberCountOn).toBe('2019-12-31');
      expect(cluster.managedBy?.name).toBe(project.coordinator?.name);
      // 002 may also name the county (SANINFO's cluster is in Galați): a sub-region of the row's region.
      const claims = claimedBy(CLUSTER_INOVATIV, cluster.locatedIn);
      expect(claims).toContain(row.region);
      for (const code of claims) expect(code.startsWith(row.region)).toBe(true);
      expect(project.sources.some((source) => source.document === CLUSTER_INOVATIV)).toBe(true);
    },
  ),
);

const facts: Fact[] = [
  // ----------------------------------------------------------------- 002 Cluster Inovativ
  ...clusterInovativFacts,
  fact(
    CLUSTER_INOVATIV,
    'the 12 funded Cluster Inovativ projects are funded by subprogramme 2.1 "Competitiveness through RDI" of PNCDI III',
    programmes('Competitiveness through research development innovation'),
    (data) => {
      const subprogramme = only(
        nodes(data.programmes),
        (p) => /^Subprogramme 2\.1/.test(p.name),
        'subprogramme 2.1',
      );
      expect(subprogramme.parent?.acronym).toBe('PNCDI III');
      expect(subprogramme.projects.totalCount).toBe(12);
      expect(sorted(nodes(subprogramme.projects).map((project) => project.acronym))).toEqual(
        sorted(clusterInovativRows.map((row) => row.acronym)),
      );
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'ESCA Silver labels: IND-AGRO-POL (project 2), MECHATREC (7), ELINCLUS (10) and IMAGO-MOL (12), and no other cluster',
    clusters({}),
    (data) => {
      const silver = nodes(data.clusters).filter((cluster) =>
        cluster.labels.some((label) => label.level === 'Silver' && label.issuer === 'ESCA'),
      );
      expect(namesOf(silver)).toEqual(['ELINCLUS', 'IMAGO-MOL', 'Ind-Agro-Pol', 'MECHATREC']);
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'no cluster holds an ESCA Gold label yet: PRO WOOD, Cluj IT and ELINCLUS only prepare for it',
    clusters({}),
    (data) => {
      const all = nodes(data.clusters);
      expect(all.length).toBeGreaterThanOrEqual(12);
      expect(all.flatMap((cluster) => cluster.labels).filter((label) => label.level === 'Gold')).toEqual([]);
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'Cluster Mobilier Transilvan (project 5): innovation-service contracts with members Salice Com Prod, Napochim and JRD Industries; ' +
      'agreements with the Vukovar-Srijem County Development Agency and for Cluj Future of Work; joined IoT4Industry and TCI Network',
    clusters({ search: 'Mobilier Transilvan' }),
    (data) => {
      const cluster = only(
        nodes(data.clusters),
        (c) => c.nameLocal === 'Cluster Mobilier Transilvan',
        'cluster',
      );
      expect(namesOf(nodes(cluster.members))).toEqual([
        'JRD Industries S.R.L',
        'Napochim S.A',
        'Salice Com Prod S.R.L',
      ]);
      const joined = cluster.partnerships;
      expect(
        joined
          .filter((p) => p.kind === 'NETWORK')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['IoT4Industry', 'TCI Network']);
      const agreements = joined.filter((p) => p.kind === 'PROTOCOL').map((p) => p.name);
      expect(agreements).toHaveLength(2);
      expect(agreements.some((name) => /Vukovar-Srijem/.test(name))).toBe(true);
      expect(agreements.some((name) => /Cluj Future of Work/.test(name))).toBe(true);
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'ELINCLUS is managed by APTE (Association for the Promotion of Electronic Technology), Bucharest-Ilfov',
    organisations({ search: 'APTE' }),
    (data) => {
      const apte = only(nodes(data.organisations), (org) => org.acronym === 'APTE', 'APTE');
      expect(apte.nameLocal).toBe('Asociația pentru Promovarea Tehnologiei Electronice');
      expect(namesOf(apte.managedClusters)).toEqual(['ELINCLUS']);
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'the ASTRICO NORD-EST association sits in Săvinești, Neamț county (RO214), so a North-East (RO21) filter finds it',
    organisations({ search: 'ASTRICO', regionCodes: ['RO21'] }),
    (data) => {
      const association = only(
        nodes(data.organisations),
        (org) => /ASTRICO NORD-EST/.test(org.name),
        'association',
      );
      expect(association.kind).toBe('CLUSTER_ORGANISATION');
      expect(association.region?.code).toBe('RO214');
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'the SANINFO cluster "Pentru Sănătate Dunărea de Jos" of Galați (RO224) is found under South-East (RO22)',
    clusters({ regionCodes: ['RO22'] }),
    (data) => {
      const cluster = only(nodes(data.clusters), (c) => /Dunărea de Jos/.test(c.nameLocal ?? ''), 'cluster');
      expect(sorted(cluster.locatedIn.map((claim) => claim.region.code))).toEqual(['RO22', 'RO224']);
      expect(cluster.projects.map((project) => project.acronym)).toEqual(['SANINFO']);
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'UEFISCDI, the report author, is a unit of the Ministry of Education and Research',
    organisations({ search: 'UEFISCDI' }),
    (data) => {
      const uefiscdi = only(nodes(data.organisations), (org) => org.acronym === 'UEFISCDI', 'UEFISCDI');
      expect(uefiscdi.parent?.name).toBe('Ministry of Education and Research');
    },
  ),

  // ----------------------------------------------------------------- 004 ADR Nord-Est pilot action
  fact(
    ADR_NORD_EST_PILOT,
    'the ADR Nord-Est pilot action: Cluster Poli SEE budget 10,000 EUR, January to June 2014, North-East, proposed by ADR Nord-Est',
    pilotActions({ search: 'productive clusters' }),
    (data) => {
      const pilot = only(
        nodes(data.pilotActions),
        (p) => p.project?.acronym === 'Cluster Poli SEE',
        'pilot action',
      );
      expect(pilot.budgetAmount).toBe(10_000);
      expect(pilot.budgetCurrency).toBe('EUR');
      expect([pilot.startDate, pilot.endDate]).toEqual(['2014-01', '2014-06']);
      expect(pilot.region?.code).toBe('RO21');
      expect(namesOf(pilot.proposedBy)).toEqual(['North-East Regional Development Agency']);
      expect(pilot.programme?.name).toBe('South East Europe Transnational Cooperation Programme');
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'Cluster Poli SEE: 4 analysed clusters (Ind-Agro-Pol, Astrico NE, Euronest IT&C Hub, ICONIC New Media) and 3 in follow-up ' +
      '(IMAGO-MOL, Bio-RONE, APT tourism cluster); coordinated by the Marche Region, ADR Nord-Est a partner',
    projects('Cluster Poli SEE'),
    (data) => {
      const project = only(nodes(data.projects), (p) => p.acronym === 'Cluster Poli SEE', 'Cluster Poli SEE');
      expect(namesOf(project.clusters)).toEqual([
        'APT Tourism Cluster',
        'Astrico North-East',
        'Bio-RONE',
        'Euronest IT&C Hub',
        'ICONIC New Media',
        'IMAGO-MOL',
        'Ind-Agro-Pol',
      ]);
      expect(project.coordinator?.name).toBe('Marche Region');
      const roles = project.participants.edges.map((edge) => `${edge.role} ${edge.node.name}`).sort();
      expect(roles).toEqual(['COORDINATOR Marche Region', 'PARTNER North-East Regional Development Agency']);
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'the pilot action addresses the missing value-chain links and the two biggest common problems of the 2013 analysis',
    pilotActions({ search: 'productive clusters' }),
    (data) => {
      const pilot = only(
        nodes(data.pilotActions),
        (p) => p.project?.acronym === 'Cluster Poli SEE',
        'pilot action',
      );
      const addressed = pilot.addresses.map((need) => need.text);
      expect(addressed).toHaveLength(3);
      expect(addressed.some((text) => /missing links/i.test(text))).toBe(true);
      expect(addressed.some((text) => /complete their value chains with new members/i.test(text))).toBe(true);
      expect(addressed.some((text) => /interact more/i.test(text))).toBe(true);
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'the 2013 cluster profile analysis found agri-food, textiles, health and ICT as North-East specialisation areas',
    needs({ kinds: ['OPPORTUNITY'], regionCodes: ['RO21'] }),
    (data) => {
      const opportunities = nodes(data.needs).filter((need) =>
        need.sources.some((s) => s.document === ADR_NORD_EST_PILOT),
      );
      expect(opportunities.map((need) => need.text.split(':')[0]).sort()).toEqual([
        'Agri-food',
        'Health',
        'ICT',
        'Textiles',
      ]);
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'all seven clusters of the pilot action are North-East clusters: a RO21 filter finds them',
    clusters({ regionCodes: ['RO21'] }),
    (data) => {
      const names = namesOf(nodes(data.clusters));
      for (const name of [
        'APT Tourism Cluster',
        'Astrico North-East',
        'Bio-RONE',
        'Euronest IT&C Hub',
        'ICONIC New Media',
        'IMAGO-MOL',
        'Ind-Agro-Pol',
      ]) {
        expect(names).toContain(name);
      }
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'Ind-Agro-Pol: 004 counts it among the North-East clusters (RO21) while 002 puts it in Sud (RO31); both claims kept, no region picked',
    clusters({ search: 'Ind-Agro-Pol' }),
    (data) => {
      const cluster = only(nodes(data.clusters), (c) => c.name === 'Ind-Agro-Pol', 'Ind-Agro-Pol');
      expect(cluster.region).toBeNull();
      expect(sorted(cluster.locatedIn.map((claim) => claim.region.code))).toEqual(['RO21', 'RO31']);
      expect(claimedBy(ADR_NORD_EST_PILOT, cluster.locatedIn)).toEqual(['RO21']);
      expect(claimedBy(CLUSTER_INOVATIV, cluster.locatedIn)).toEqual(['RO31']);
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'ASTRICO NE: 002 and 004 agree on the North-East, so one claim carries both sources and the region is RO21',
    clusters({ search: 'Astrico' }),
    (data) => {
      const cluster = only(nodes(data.clusters), (c) => c.acronym === 'ASTRICO NE', 'ASTRICO NE');
      expect(cluster.region?.code).toBe('RO21');
      const claim = only(cluster.locatedIn, () => true, 'region claim');
      expect(documentsOf(claim.sources)).toEqual([CLUSTER_INOVATIV, ADR_NORD_EST_PILOT]);
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'the pilot note is signed by Gabriela Macoveiu, director of the Communication, Cooperation and Business Development Directorate of ADR Nord-Est',
    organisations({ search: 'Communication Cooperation Business Development' }),
    (data) => {
      const directorate = only(
        nodes(data.organisations),
        (org) => /Directorate/.test(org.name),
        'directorate',
      );
      expect(directorate.nameLocal).toBe('Direcția Comunicare, Cooperare și Dezvoltarea Afacerilor');
      expect(directorate.parent?.name).toBe('North-East Regional Development Agency');
      expect(directorate.description).toMatch(/Gabriela Macoveiu/);
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'the APT tourism cluster belongs to the tourism sector',
    sectors('tourism'),
    (data) => {
      const tourism = only(nodes(data.sectors), (sector) => sector.code === 'tourism', 'tourism');
      expect(namesOf(tourism.clusters)).toEqual(['APT Tourism Cluster']);
    },
  ),

  // ----------------------------------------------------------------- 000 ASVILOC PLUS
  fact(
    ASVILOC_PLUS,
    'ASVILOC PLUS "Agencies supporting the value of innovation systems in local and regional economies", SEE programme, ADR Nord-Est a partner',
    projects('ASVILOC'),
    (data) => {
      const project = only(nodes(data.projects), (p) => p.acronym === 'ASVILOC PLUS', 'ASVILOC PLUS');
      expect(project.title).toBe(
        'Agencies supporting the value of innovation systems in local and regional economies',
      );
      expect(project.programme?.acronym).toBe('SEE');
      expect(project.participants.edges.map((edge) => `${edge.role} ${edge.node.name}`)).toEqual([
        'PARTNER North-East Regional Development Agency',
      ]);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'the North-East regional lab takes in eight kinds of bodies, from chambers of commerce to local public administration, none counted',
    partnerships('North-East Romania Regional Innovation Lab'),
    (data) => {
      const lab = only(
        nodes(data.partnerships),
        (p) => p.kind === 'REGIONAL_LAB' && /North-East/.test(p.name),
        'North-East lab',
      );
      expect(lab.memberKinds.map((member) => `${member.kind} ${member.name}`)).toEqual([
        'CHAMBER Chambers of Commerce and Industry',
        'BUSINESS_SUPPORT Entrepreneurial Association',
        'NGO Professional Association',
        'UNIVERSITY Universities',
        'RESEARCH_INSTITUTE Research Units',
        'OTHER Vocational Training Units',
        'BUSINESS_SUPPORT Business Support Companies (consultancy, technological transfer, incubator)',
        'PUBLIC_AUTHORITY Local Public Administration',
      ]);
      expect(lab.memberKinds.every((member) => member.count === null)).toBe(true);
      expect(lab.objectives.filter((text) => /member kind/i.test(text))).toEqual([]);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'the North-East agency is found by the names the documents write: ADRNORDEST (000) and ADR Nord-Est (004)',
    {
      query: `{ short: search(query: "ADR Nord-Est", types: [ORGANISATION], first: 2, synthetic: false) { name }
        table: search(query: "ADRNORDEST", types: [ORGANISATION], first: 1, synthetic: false) { name }
        listed: organisations(filter: { search: "ADRNORDEST", synthetic: false }) { edges { node { name acronym aliases } } } }`,
      variables: {},
    } as Request<{
      short: Named[];
      table: Named[];
      listed: Edges<{ name: string; acronym: string | null; aliases: string[] }>;
    }>,
    (data) => {
      // Its directorate, whose name holds "(ADR Nord-Est)", ranks first: names outrank acronyms.
      expect(data.short.map((hit) => hit.name)).toEqual([
        'Communication, Cooperation and Business Development Directorate (ADR Nord-Est)',
        'North-East Regional Development Agency',
      ]);
      expect(data.table.map((hit) => hit.name)).toEqual(['North-East Regional Development Agency']);
      expect(nodes(data.listed)).toEqual([
        { name: 'North-East Regional Development Agency', acronym: 'ADR Nord-Est', aliases: ['ADRNORDEST'] },
      ]);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'the North-East regional lab (run by ADR Nord-Est) found five gaps',
    partnerships('North-East Romania Regional Innovation Lab'),
    (data) => {
      const lab = only(
        nodes(data.partnerships),
        (p) => p.kind === 'REGIONAL_LAB' && /North-East/.test(p.name),
        'lab',
      );
      expect(lab.region?.code).toBe('RO21');
      expect(namesOf(lab.partners)).toEqual(['North-East Regional Development Agency']);
      const gaps = lab.needs.filter((need) => need.kind === 'GAP').map((need) => need.text);
      expect(gaps).toHaveLength(5);
      for (const gap of [
        /cooperation between research centres\/universities and business/i,
        /administrative capacity to access available financing/i,
        /entrepreneurial and innovative culture/i,
        /exchange of experience, information and cooperation among enterprises/i,
        /single regional 'market' for innovation/i,
      ]) {
        expect(gaps.some((text) => gap.test(text))).toBe(true);
      }
    },
  ),
  fact(
    ASVILOC_PLUS,
    'the North-East regional lab found six needs, and shares the common view of all labs (SME-public administration relations)',
    partnerships('North-East Romania Regional Innovation Lab'),
    (data) => {
      const lab = only(
        nodes(data.partnerships),
        (p) => p.kind === 'REGIONAL_LAB' && /North-East/.test(p.name),
        'lab',
      );
      const found = lab.needs.filter((need) => need.kind === 'NEED').map((need) => need.text);
      expect(found).toHaveLength(7);
      for (const need of [
        /visibility for members and activities of the regional innovation support network/i,
        /dissemination among SMEs of RDI results/i,
        /management performance of business support structures/i,
        /strategic management capacity of enterprises/i,
        /new associative structures/i,
        /meetings between universities and SMEs/i,
        /relationships between SMEs and public administrations/i,
      ]) {
        expect(found.some((text) => need.test(text))).toBe(true);
      }
    },
  ),
  fact(
    ASVILOC_PLUS,
    'ADR Nord-Est proposes 6 pilot actions for SMEs and 9 at policy level in ASVILOC PLUS, all in the North-East',
    pilotActions({ regionCodes: ['RO21'] }),
    (data) => {
      const asviloc = nodes(data.pilotActions).filter((pilot) => pilot.project?.acronym === 'ASVILOC PLUS');
      expect(asviloc.filter((pilot) => pilot.level === 'SME')).toHaveLength(6);
      expect(asviloc.filter((pilot) => pilot.level === 'POLICY')).toHaveLength(9);
      for (const pilot of asviloc) {
        expect(namesOf(pilot.proposedBy)).toEqual(['North-East Regional Development Agency']);
      }
    },
  ),
  fact(
    ASVILOC_PLUS,
    'policy pilot action 1, a regional online forum for innovation demand and supply, answers the gap of no single regional innovation market',
    pilotActions({ search: 'online forum' }),
    (data) => {
      const forum = only(
        nodes(data.pilotActions),
        (p) => /online forum/i.test(p.title),
        'forum pilot action',
      );
      expect(forum.level).toBe('POLICY');
      expect(
        forum.addresses.some((need) => need.kind === 'GAP' && /single regional 'market'/.test(need.text)),
      ).toBe(true);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'SME pilot action 4, training for company executives (PCM, HR management, public procurement), is ESF-sponsored',
    pilotActions({ search: 'training company executives' }),
    (data) => {
      const training = only(nodes(data.pilotActions), (p) => /company executives/i.test(p.title), 'training');
      expect(training.level).toBe('SME');
      expect(training.programme?.acronym).toBe('ESF');
      expect(training.description).toMatch(/PCM/);
      expect(training.description).toMatch(/HR management/);
      expect(training.description).toMatch(/public procurement/);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'policy pilot action 8, promoting the textile and medical-imaging cluster associations, is FP7-sponsored',
    pilotActions({ search: 'cluster associations' }),
    (data) => {
      const promotion = only(
        nodes(data.pilotActions),
        (p) => /cluster associations/i.test(p.title),
        'promotion',
      );
      expect(promotion.level).toBe('POLICY');
      expect(promotion.programme?.acronym).toBe('FP7');
    },
  ),
  fact(
    ASVILOC_PLUS,
    'SME pilot action 5 establishes a regional textile industry cluster',
    pilotActions({ search: 'textile cluster' }),
    (data) => {
      const textile = only(
        nodes(data.pilotActions),
        (p) => /textile industry cluster/i.test(p.title),
        'textile',
      );
      expect(textile.level).toBe('SME');
      expect(textile.description).toMatch(/partnership agreement/);
      expect(textile.description).toMatch(/annual action plan/);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'three labs (SVIM, Anatoliki, ANRO) consider a CRM platform useful; AWS and STRIA need to work in a cluster context',
    partnerships('Regional Innovation Lab'),
    (data) => {
      const labs = nodes(data.partnerships).filter((p) => p.kind === 'REGIONAL_LAB');
      expect(labs).toHaveLength(6);
      const crm = labs.filter((lab) =>
        lab.objectives.some((text) => /customer relationship management/i.test(text)),
      );
      expect(crm.map((lab) => lab.name.split(' ')[0]).sort()).toEqual(['ANRO', 'Anatoliki', 'SVIM']);
      const clusterContext = labs.filter((lab) =>
        lab.needs.some((need) => /cluster context/i.test(need.text)),
      );
      expect(clusterContext.map((lab) => lab.name.split(' ')[0]).sort()).toEqual(['AWS', 'STRIA']);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'the common view of all six regional labs: strengthen relationships between SMEs and public administrations',
    needs({ search: 'relationships SMEs public administrations' }),
    (data) => {
      const common = only(
        nodes(data.needs),
        (need) => /public administrations/.test(need.text),
        'common need',
      );
      expect(common.identifiedIn).toHaveLength(6);
      expect(common.identifiedIn.every((lab) => /Regional Innovation Lab/.test(lab.name))).toBe(true);
    },
  ),
  fact(
    ASVILOC_PLUS,
    'the gap "lack of administrative capacity to access financing programmes" is the second gap of the ADRNORDEST row',
    needs({ search: 'administrative capacity financing', kinds: ['GAP'] }),
    (data) => {
      const gap = only(nodes(data.needs), (need) => /administrative capacity/.test(need.text), 'gap');
      expect(gap.region?.code).toBe('RO21');
      const source = only(gap.sources, (s) => s.document === ASVILOC_PLUS, 'source in 000');
      expect(source.section).toMatch(/GAPS, item 2/);
    },
  ),

  // ----------------------------------------------------------------- 001 Union of innovation
  fact(
    UNION_OF_INNOVATION,
    'the Union of innovation protocol joins NASR and its two directorates, ARoTT, the eight RDAs, the Ministry of Economy with its ' +
      'directorate and AIPPIMM, and OSIM: 16 signatories',
    partnerships('Union innovation'),
    (data) => {
      const union = only(
        nodes(data.partnerships),
        (p) => p.name === 'Union of innovation',
        'Union of innovation',
      );
      expect(union.kind).toBe('PROTOCOL');
      expect(union.region?.code).toBe('RO');
      expect(union.partners).toHaveLength(16);
      const acronyms = sorted(union.partners.map((partner) => partner.acronym));
      // ADR Nord-Est is the North-East agency's short name as 004 writes it.
      expect(acronyms).toEqual(['ADR Nord-Est', 'AIPPIMM', 'ARoTT', 'NASR', 'OSIM']);
      const names = namesOf(union.partners);
      expect(names).toContain('Ministry of Economy, Trade and Business Environment');
      expect(names).toContain('Industrial Politics Directorate');
      expect(names).toContain('Technological Transfer, Innovation and Infrastructure Directorate');
      expect(names).toContain(
        'Intermediate Body for Research, Development and Innovation General Directorate',
      );
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'the Regional Development Agencies of all eight development regions sign it',
    partnerships('Union innovation'),
    (data) => {
      const union = only(
        nodes(data.partnerships),
        (p) => p.name === 'Union of innovation',
        'Union of innovation',
      );
      const agencies = union.partners.filter((partner) => partner.kind === 'DEVELOPMENT_AGENCY');
      expect(sorted(agencies.map((agency) => agency.region?.code))).toEqual([
        'RO11',
        'RO12',
        'RO21',
        'RO22',
        'RO31',
        'RO32',
        'RO41',
        'RO42',
      ]);
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'NASR belongs to the Ministry of Education and Research and holds the TT, Innovation and Infrastructure Directorate and the RDI Intermediate Body',
    organisations({ search: 'NASR' }),
    (data) => {
      const nasr = only(nodes(data.organisations), (org) => org.acronym === 'NASR', 'NASR');
      expect(nasr.parent?.name).toBe('Ministry of Education and Research');
      expect(namesOf(nasr.units)).toEqual([
        'Intermediate Body for Research, Development and Innovation General Directorate',
        'Technological Transfer, Innovation and Infrastructure Directorate',
      ]);
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'the Industrial Politics Directorate and AIPPIMM belong to the Ministry of Economy, Trade and Business Environment',
    organisations({ search: 'Ministry Economy' }),
    (data) => {
      const ministry = only(
        nodes(data.organisations),
        (org) => org.name === 'Ministry of Economy, Trade and Business Environment',
        'Ministry of Economy',
      );
      expect(namesOf(ministry.units)).toEqual([
        'Industrial Politics Directorate',
        'National Agency for Implementing Programs and Projects for SMEs',
      ]);
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'long-term objectives: regions among the "Medium Innovation Generators" within 10 years, one of the most efficient innovation systems in Europe within 5',
    partnerships('Union innovation'),
    (data) => {
      const union = only(
        nodes(data.partnerships),
        (p) => p.name === 'Union of innovation',
        'Union of innovation',
      );
      expect(
        union.objectives.some((text) => /Medium Innovation Generators/.test(text) && /10 years/.test(text)),
      ).toBe(true);
      expect(
        union.objectives.some((text) => /most efficient in Europe/.test(text) && /5 years/.test(text)),
      ).toBe(true);
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'action areas: innovation and TT, industrial, SME and regional development policies; its nine specific actions, among them a regional database of technology demand and supply, apart',
    partnerships('Union innovation'),
    (data) => {
      const union = only(
        nodes(data.partnerships),
        (p) => p.name === 'Union of innovation',
        'Union of innovation',
      );
      expect(union.actionAreas).toEqual([
        'Innovation and technological transfer policy',
        'Industrial policy',
        'SME sector development policy',
        'Regional development policy',
      ]);
      expect(union.specificActions).toHaveLength(9);
      expect(
        union.specificActions.some((text) => /regional database of technology demand\/supply/i.test(text)),
      ).toBe(true);
      expect(union.specificActions[0]).toMatch(/^Common framework.*distribution of responsibilities/);
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'the Union of innovation is an ASVILOC PLUS pilot action at policy level',
    pilotActions({ search: 'Union innovation' }),
    (data) => {
      const pilot = only(
        nodes(data.pilotActions),
        (p) => /Union of innovation/.test(p.title),
        'pilot action',
      );
      expect(pilot.level).toBe('POLICY');
      expect(pilot.project?.acronym).toBe('ASVILOC PLUS');
      expect(pilot.sources.map((source) => source.document)).toContain(UNION_OF_INNOVATION);
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'the South East Europe programme funds ASVILOC PLUS (000, 001) and Cluster Poli SEE (004)',
    programmes('South East Europe'),
    (data) => {
      const see = only(nodes(data.programmes), (p) => p.acronym === 'SEE', 'SEE programme');
      expect(sorted(nodes(see.projects).map((project) => project.acronym))).toEqual([
        'ASVILOC PLUS',
        'Cluster Poli SEE',
      ]);
    },
  ),

  // ----------------------------------------------------------------- 003 POOLING4CLUSTERS
  fact(
    POOLING4CLUSTERS,
    'POOLING4CLUSTERS "Best shared services for regional cluster initiative needs", INTERREG IVC, 96 practices evaluated',
    projects('POOLING4CLUSTERS'),
    (data) => {
      const p4c = only(nodes(data.projects), (p) => p.code === 'POOLING4CLUSTERS', 'POOLING4CLUSTERS');
      expect(p4c.title).toBe('Best shared services for regional cluster initiative needs');
      expect(p4c.programme?.name).toBe('INTERREG IVC');
      expect(p4c.results.some((text) => /\b96 practices\b/.test(text))).toBe(true);
      expect(p4c.results.some((text) => /\b15 good practices\b/.test(text))).toBe(true);
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'the partners: BEP, Fondation Sophia Antipolis, Corallia, BSC Kranj, Stuttgart Region Economic Development Corporation, MITA and an Estonian partner',
    projects('POOLING4CLUSTERS'),
    (data) => {
      const p4c = only(nodes(data.projects), (p) => p.code === 'POOLING4CLUSTERS', 'POOLING4CLUSTERS');
      const partners = p4c.participants.edges.map((edge) => edge.node);
      expect(p4c.participants.edges.every((edge) => edge.role === 'PARTNER')).toBe(true);
      expect(partners).toHaveLength(7);
      const names = partners.map((partner) => partner.acronym ?? partner.name);
      for (const name of ['BEP', 'Sophia Antipolis Foundation', 'Corallia', 'BSC Kranj', 'WRS', 'MITA']) {
        expect(names).toContain(name);
      }
      expect(partners.filter((partner) => partner.region?.code.startsWith('EE'))).toHaveLength(1);
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'the 15 selected good practices, each identified in POOLING4CLUSTERS',
    goodPractices(),
    (data) => {
      expect(data.goodPractices.totalCount).toBe(15);
      const practices = nodes(data.goodPractices);
      expect(namesOf(practices)).toEqual([
        '"Contrat de croissance"',
        'Business Intelligence',
        'Co-location',
        'Collective booth at trade fair/shows',
        'Competence Centres for Projects – attract new firms and talent for region',
        'European Networking',
        'Help Desk',
        'Information Desk for funding and financing',
        'Mentorship and other services',
        'Permanent Offices',
        'Project oriented Funding',
        'Scientific Group Intermediation',
        'Structures support for management and coordination',
        'Trainings and mentorship',
        'Website PACA Innovation',
      ]);
      for (const practice of practices) expect(practice.identifiedIn.map((p) => p.acronym)).toEqual(['P4C']);
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'Corallia tests "Permanent Offices" and "Contrat de Croissance", with workshops and questionnaires',
    goodPractices(),
    (data) => {
      const tested = nodes(data.goodPractices).filter((practice) =>
        practice.testedBy.some((test) => test.organisation.name === 'Corallia'),
      );
      expect(namesOf(tested)).toEqual(['"Contrat de croissance"', 'Permanent Offices']);
      for (const practice of tested) {
        const test = only(practice.testedBy, (t) => t.organisation.name === 'Corallia', 'Corallia test');
        expect(test.how).toMatch(/workshops and questionnaires/);
      }
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'Fondation Sophia Antipolis tests three: Education & Training and Collective Booth concretely, European Networking in a workshop',
    goodPractices(),
    (data) => {
      const bySophia = (practice: GoodPracticeShape) =>
        practice.testedBy.find((test) => test.organisation.name === 'Sophia Antipolis Foundation');
      const tested = nodes(data.goodPractices).filter((practice) => bySophia(practice) !== undefined);
      expect(namesOf(tested)).toEqual([
        'Collective booth at trade fair/shows',
        'European Networking',
        'Trainings and mentorship',
      ]);
      const networking = only(
        tested,
        (practice) => practice.name === 'European Networking',
        'European Networking',
      );
      expect(bySophia(networking)?.how).toMatch(/workshop/);
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'BEP tests two services: internship offers & training, and collective actions such as collective booths',
    goodPractices(),
    (data) => {
      const tested = nodes(data.goodPractices).filter((practice) =>
        practice.testedBy.some((test) => test.organisation.acronym === 'BEP'),
      );
      expect(namesOf(tested)).toEqual(['Collective booth at trade fair/shows', 'Trainings and mentorship']);
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'Estonia adapts "Scientific group intermediation" from Belgium and builds on the Slovenian "Trainings and mentorship"',
    goodPractices(),
    (data) => {
      const practices = nodes(data.goodPractices);
      const intermediation = only(
        practices,
        (p) => p.name === 'Scientific Group Intermediation',
        'intermediation',
      );
      const trainings = only(practices, (p) => p.name === 'Trainings and mentorship', 'trainings');
      expect(intermediation.originatesFrom.map((org) => org.acronym)).toEqual(['BEP']);
      expect(trainings.originatesFrom.map((org) => org.acronym)).toEqual(['BSC Kranj']);
      expect(trainings.description).toMatch(/Slovenian wood manufacturing sector/);
      for (const practice of [intermediation, trainings]) {
        expect(practice.testedBy.some((test) => test.organisation.name === 'Tartu Science Park')).toBe(true);
      }
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'each partner that tests picks at least two of the 15 practices; BSC Kranj sends the catalogue to its clusters instead',
    goodPractices(),
    (data) => {
      const picks = new Map<string, number>();
      for (const practice of nodes(data.goodPractices)) {
        for (const test of practice.testedBy) {
          picks.set(test.organisation.name, (picks.get(test.organisation.name) ?? 0) + 1);
        }
      }
      expect(picks.size).toBe(6);
      for (const count of picks.values()) expect(count).toBeGreaterThanOrEqual(2);
      expect([...picks.keys()].some((name) => /Kranj/.test(name))).toBe(false);
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'INTERREG IVC funds POOLING4CLUSTERS (003) and the C2C Network project (000, SME pilot action 6)',
    programmes('INTERREG IVC'),
    (data) => {
      const interreg = only(nodes(data.programmes), (p) => p.name === 'INTERREG IVC', 'INTERREG IVC');
      expect(sorted(nodes(interreg.projects).map((project) => project.acronym))).toEqual([
        'C2C Network',
        'P4C',
      ]);
    },
  ),

  // ----------------------------------------------------------------- regions and sectors
  fact(NUTS_2021, 'typing "iasi" finds the region Iași', search('iasi', ['REGION']), (data) => {
    expect(data.search[0]).toEqual({ type: 'REGION', name: 'Iași' });
  }),
  fact(
    NUTS_2021,
    'Iași (RO213) is part of North-East (RO21), in Macroregion Two (RO2) of Romania',
    regions({ search: 'Iasi', levels: [3] }),
    (data) => {
      const iasi = only(nodes(data.regions), (region) => region.code === 'RO213', 'RO213');
      expect(iasi.name).toBe('Iași');
      expect(iasi.parent?.code).toBe('RO21');
      expect(iasi.parent?.name).toBe('North-East');
      expect(iasi.parent?.parent?.code).toBe('RO2');
      expect(iasi.parent?.parent?.parent?.code).toBe('RO');
    },
  ),
  fact(
    NUTS_2021,
    'the North-East (RO21) of 000 and 004 has six counties: Bacău, Botoșani, Iași, Neamț, Suceava, Vaslui',
    regions({ regionCodes: ['RO21'], levels: [2] }),
    (data) => {
      const northEast = only(nodes(data.regions), (region) => region.code === 'RO21', 'RO21');
      expect(northEast.children.map((county) => `${county.code} ${county.name}`).sort()).toEqual([
        'RO211 Bacău',
        'RO212 Botoșani',
        'RO213 Iași',
        'RO214 Neamț',
        'RO215 Suceava',
        'RO216 Vaslui',
      ]);
    },
  ),
  fact(
    NUTS_2021,
    "Romania's eight development regions named in 002 are NUTS 2 regions of Romania",
    regions({ regionCodes: ['RO'], levels: [2] }),
    (data) => {
      expect(
        nodes(data.regions)
          .map((region) => `${region.code} ${region.name}`)
          .sort(),
      ).toEqual([
        'RO11 North-West',
        'RO12 Centre',
        'RO21 North-East',
        'RO22 South-East',
        'RO31 South-Muntenia',
        'RO32 Bucharest-Ilfov',
        'RO41 South-West Oltenia',
        'RO42 West',
      ]);
    },
  ),
  fact(
    NACE_REV_2,
    'the textiles-leather value chain in order, fibres to recycling, then the four support functions, with NACE codes',
    sectors('textiles'),
    (data) => {
      const textiles = only(nodes(data.sectors), (sector) => sector.code === 'textiles-leather', 'textiles');
      expect(textiles.nameLocal).toBe('Textile și pielărie');
      expect(textiles.naceCodes).toEqual(['13', '14', '15']);
      expect(textiles.valueChain.map((stage) => `${stage.kind} ${stage.name}`)).toEqual([
        'PRIMARY Fibres and raw hides',
        'PRIMARY Spinning, weaving, knitting and tanning',
        'PRIMARY Textile finishing',
        'PRIMARY Design and product development',
        'PRIMARY Apparel, made-up textiles, footwear and leather goods',
        'PRIMARY Wholesale and distribution',
        'PRIMARY Retail',
        'PRIMARY Textile waste recovery, reuse and recycling',
        'SUPPORT Research and development',
        'SUPPORT Education and training',
        'SUPPORT Finance',
        'SUPPORT Business support services',
      ]);
      expect(textiles.valueChain[2]?.naceCodes).toEqual(['13.30']);
      expect(textiles.valueChain[8]?.naceCodes).toEqual(['72']);
    },
  ),
  fact(
    CLUSTER_INOVATIV,
    'the textile clusters of projects 3, 4 and 8 (domain "Textile și pielărie") are in the textiles-leather sector',
    sectors('textiles'),
    (data) => {
      const textiles = only(nodes(data.sectors), (sector) => sector.code === 'textiles-leather', 'textiles');
      expect(namesOf(textiles.clusters)).toEqual([
        'Astrico North-East',
        'Romanian Textile Concept',
        'Transylvania Textile & Fashion',
      ]);
    },
  ),
  fact(
    NACE_REV_2,
    'the wood-furniture chain runs forestry, sawmilling, wood products, design, furniture (31.0); its clusters are those of projects 5 and 6',
    sectors('wood furniture'),
    (data) => {
      const wood = only(nodes(data.sectors), (sector) => sector.code === 'wood-furniture', 'wood-furniture');
      const primary = wood.valueChain.filter((stage) => stage.kind === 'PRIMARY');
      expect(primary.slice(0, 5).map((stage) => stage.name)).toEqual([
        'Forestry and logging',
        'Sawmilling and wood-based panels',
        'Wood products and components',
        'Furniture design and product development',
        'Furniture manufacturing',
      ]);
      expect(primary[4]?.naceCodes).toEqual(['31.0']);
      expect(namesOf(wood.clusters)).toEqual(['PRO WOOD', 'Transylvanian Furniture Cluster']);
    },
  ),

  // ----------------------------------------------------------------- provenance
  fact(
    CLUSTER_INOVATIV,
    'provenance: INOV-TREC is stated in the header table of project 1',
    projects('INOV-TREC'),
    (data) => {
      const project = only(nodes(data.projects), (p) => p.acronym === 'INOV-TREC', 'INOV-TREC');
      expect(project.sources).toContainEqual({
        document: CLUSTER_INOVATIV,
        section: 'Project 1 CLS/INOV-TREC: header table',
      });
    },
  ),
  fact(
    UNION_OF_INNOVATION,
    'provenance: the Union of innovation is stated by 001 only, among others in its list of organisations',
    partnerships('Union innovation'),
    (data) => {
      const union = only(
        nodes(data.partnerships),
        (p) => p.name === 'Union of innovation',
        'Union of innovation',
      );
      expect(documentsOf(union.sources)).toEqual([UNION_OF_INNOVATION]);
      expect(union.sources.map((source) => source.section)).toContain(
        'Organisations included in the protocol',
      );
    },
  ),
  fact(
    POOLING4CLUSTERS,
    'provenance: the Help Desk practice is item 3 of the 15 selected services',
    goodPractices(),
    (data) => {
      const helpDesk = only(nodes(data.goodPractices), (p) => p.name === 'Help Desk', 'Help Desk');
      expect(documentsOf(helpDesk.sources)).toEqual([POOLING4CLUSTERS]);
      expect(helpDesk.sources.map((source) => source.section)).toContain(
        'Presentation of the 15 selected services for testing, item 3 (Help Desk)',
      );
    },
  ),
  fact(
    ADR_NORD_EST_PILOT,
    'provenance: ADR Nord-Est is stated by 000, 001 and 004, and its North-East location by all three',
    organisations({ search: 'North-East Regional Development Agency', kinds: ['DEVELOPMENT_AGENCY'] }),
    (data) => {
      const agency = only(
        nodes(data.organisations),
        (org) => org.name === 'North-East Regional Development Agency',
        'ADR Nord-Est',
      );
      expect(documentsOf(agency.sources)).toEqual([ASVILOC_PLUS, UNION_OF_INNOVATION, ADR_NORD_EST_PILOT]);
      expect(agency.region?.code).toBe('RO21');
    },
  ),
];

describe('the curated graph holds the facts of the five documents', () => {
  it('covers every document with enough facts', () => {
    expect(facts.length).toBeGreaterThanOrEqual(40);
    const documents = new Set(facts.map((row) => row.document));
    for (const document of [
      ASVILOC_PLUS,
      UNION_OF_INNOVATION,
      CLUSTER_INOVATIV,
      POOLING4CLUSTERS,
      ADR_NORD_EST_PILOT,
    ]) {
      expect(documents).toContain(document);
    }
  });

  it.each(facts)('$document: $fact', async ({ query, variables, check }) => {
    const { data, errors } = await graph.graphql(query, variables);
    expect(errors).toBeUndefined();
    check(data);
  });
});

/** Relationship types whose `sources` property holds provenance: all but SOURCED_FROM itself. */
const SOURCED_FROM: RelationshipType = 'SOURCED_FROM';
const SOURCE: NodeLabel = 'Source';
const SOURCED_TYPES = RELATIONSHIP_TYPES.filter((type) => type !== SOURCED_FROM);

describe('provenance of the curated graph', () => {
  it('every curated node but Source has at least one source', async () => {
    expect(await graph.count(`MATCH (n) WHERE NOT n:${SOURCE} RETURN count(n)`)).toBeGreaterThan(0);
    // The facts are the nodes of the model's sourced labels; bookkeeping (the dataset's revision,
    // audit records, API tokens) is not a fact and has no source.
    const unsourced = await graph.count(
      `MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels)
       AND NOT EXISTS { (n)-[:${SOURCED_FROM}]->(:${SOURCE}) } RETURN count(n)`,
      { labels: SOURCED_LABELS },
    );
    expect(unsourced).toBe(0);
  });

  it('every curated relationship but SOURCED_FROM lists at least one source, and each is a Source node', async () => {
    const parameters = { types: SOURCED_TYPES };
    expect(
      await graph.count('MATCH ()-[r]->() WHERE type(r) IN $types RETURN count(r)', parameters),
    ).toBeGreaterThan(0);
    const unsourced = await graph.count(
      'MATCH ()-[r]->() WHERE type(r) IN $types AND (r.sources IS NULL OR size(r.sources) = 0) RETURN count(r)',
      parameters,
    );
    expect(unsourced).toBe(0);
    const dangling = await graph.count(
      `MATCH ()-[r]->() WHERE type(r) IN $types
       UNWIND r.sources AS sourceId
       WITH sourceId WHERE NOT EXISTS { MATCH (:${SOURCE} {id: sourceId}) }
       RETURN count(sourceId)`,
      parameters,
    );
    expect(dangling).toBe(0);
  });

  it('every source names one of the five documents or a reference classification', async () => {
    const { records } = await graph.driver.executeQuery(
      `MATCH (s:${SOURCE}) RETURN DISTINCT s.document AS document`,
    );
    const documents = records.map((record) => record.get('document') as string);
    const seeds = /^00[0-4]_[0-9a-f]{16}\.txt$/;
    const references = /^(NUTS 2021|NACE Rev\. 2)\b/;
    expect(documents.filter((document) => !seeds.test(document) && !references.test(document))).toEqual([]);
    expect(documents.filter((document) => seeds.test(document)).sort()).toEqual([
      ASVILOC_PLUS,
      UNION_OF_INNOVATION,
      CLUSTER_INOVATIV,
      POOLING4CLUSTERS,
      ADR_NORD_EST_PILOT,
    ]);
  });
});

type KindedSource = { document: string; section: string; kind: string; reason: string | null };

describe("the curators' readings are sources of their own kind", () => {
  it('a lab region read from its acronym is an INFERENCE with the reason, not the section it was read from', async () => {
    const { data, errors } = await graph.graphql<{
      partnerships: Edges<{
        name: string;
        locatedIn: { region: { code: string }; sources: KindedSource[] }[];
      }>;
    }>(
      `{ partnerships(filter: { search: "SVIM", synthetic: false }, first: 5) { edges { node {
        name locatedIn { region { code } sources { document section kind reason } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const svim = only(nodes(data?.partnerships), (p) => p.name.startsWith('SVIM'), 'SVIM lab');
    const [claim] = svim.locatedIn;
    expect(claim?.region.code).toBe('ITI3');
    expect(claim?.sources).toHaveLength(1);
    expect(claim?.sources[0]).toMatchObject({
      document: ASVILOC_PLUS,
      section: 'Comments to the pilot actions',
      kind: 'INFERENCE',
    });
    expect(claim?.sources[0]?.reason).toMatch(/Marche/);
  });

  it('the Estonian partner identified outside the document is an inference, named so in the API', async () => {
    const { data, errors } = await graph.graphql<{
      organisations: Edges<{ name: string; sources: KindedSource[] }>;
    }>(
      `{ organisations(filter: { search: "Tartu", synthetic: false }, first: 5) { edges { node {
        name sources { document section kind reason } } } } }`,
    );
    expect(errors).toBeUndefined();
    const tartu = only(nodes(data?.organisations), (o) => o.name === 'Tartu Science Park', 'Tartu');
    expect(tartu.sources.map((source) => source.kind)).toEqual(['INFERENCE']);
    expect(tartu.sources[0]?.reason).toMatch(/Estonia/);
  });

  it("the POOLING4CLUSTERS partners' regions, which the document does not name, are inferences with the reason", async () => {
    const { data, errors } = await graph.graphql<{
      organisations: Edges<{
        key: string;
        locatedIn: { region: { code: string }; sources: KindedSource[] }[];
      }>;
    }>(
      `{ organisations(filter: { synthetic: false }, first: 100) { edges { node {
        key locatedIn { region { code } sources { document section kind reason } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const partners = [
      'org:bep',
      'org:fondation-sophia-antipolis',
      'org:corallia',
      'org:bsc-kranj',
      'org:wrs',
      'org:mita',
    ];
    for (const key of partners) {
      const partner = only(nodes(data?.organisations), (o) => o.key === key, key);
      const claims = partner.locatedIn.filter((claim) =>
        claim.sources.some((source) => source.document === POOLING4CLUSTERS),
      );
      expect(claims, key).toHaveLength(1);
      for (const source of claims[0]?.sources ?? []) {
        expect(source.kind, key).toBe('INFERENCE');
        expect(source.reason, key).toMatch(/\w{3,}.*;/);
      }
    }
  });

  it('the agencies 001 names only as "the eight development regions" cite an inference for their names and regions', async () => {
    const { data, errors } = await graph.graphql<{
      organisations: Edges<{
        name: string;
        sources: KindedSource[];
        locatedIn: { sources: KindedSource[] }[];
      }>;
    }>(
      `{ organisations(filter: { search: "West Regional Development Agency", synthetic: false }, first: 5) {
        edges { node { name sources { document section kind reason } locatedIn { sources { document section kind reason } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const west = only(
      nodes(data?.organisations),
      (o) => o.name === 'West Regional Development Agency',
      'ADR Vest',
    );
    const cited = [...west.sources, ...west.locatedIn.flatMap((claim) => claim.sources)];
    expect(cited.length).toBeGreaterThan(0);
    for (const source of cited) {
      expect(source).toMatchObject({ document: UNION_OF_INNOVATION, kind: 'INFERENCE' });
      expect(source.reason).toMatch(/eight development regions/);
    }
  });

  it('a document source says no more than its section: no curator notes in brackets, no reason', async () => {
    const { records } = await graph.driver.executeQuery(
      `MATCH (s:${SOURCE}) RETURN s.kind AS kind, s.section AS section, s.reason AS reason`,
    );
    const sources = records.map((record) => ({
      kind: record.get('kind') as string,
      section: record.get('section') as string,
      reason: record.get('reason') as string | null,
    }));
    expect(sources.filter((source) => source.kind === 'INFERENCE').length).toBeGreaterThan(10);
    const notes = /\((?:sector from|matched by|tourism cluster|SEE =)/;
    expect(sources.filter((source) => notes.test(source.section))).toEqual([]);
    expect(sources.filter((source) => source.kind === 'DOCUMENT' && source.reason !== null)).toEqual([]);
    expect(sources.filter((source) => source.kind === 'INFERENCE' && !source.reason)).toEqual([]);
  });
});
