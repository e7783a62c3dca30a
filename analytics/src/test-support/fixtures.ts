import { buildNetwork } from '../networks/build.ts';
import type { CooperationData, Network, OrganisationRow, ProjectRow } from '../networks/types.ts';

function organisation(id: string, kind: string, regionCode: string, extra: Partial<OrganisationRow> = {}) {
  return {
    id,
    name: `Org ${id}`,
    kind,
    regionCode,
    sectorCodes: ['AGRI'],
    origin: 'CURATED',
    ...extra,
  } as const;
}

function project(id: string, startDate: string, endDate: string, programme: string): ProjectRow {
  return { id, startDate, endDate, programmeIds: [programme], origin: 'CURATED' };
}

/**
 * A hand-made ecosystem whose networks are worked out by hand in the tests:
 * P3 (2014) A B; P1 (2015-2017) A B C; P2 (2019-06..2020-05, INTERREG) C D; P4 (2021-2022) D E F.
 * Clusters: C1 = {A, B}, C2 = {C, D}; partnership L1 = {B, E}.
 */
export const smallEcosystem: CooperationData = {
  organisations: [
    organisation('A', 'UNIVERSITY', 'EL30'),
    organisation('B', 'SME', 'EL30'),
    organisation('C', 'SME', 'EL43'),
    organisation('D', 'RESEARCH_INSTITUTE', 'EL43', { sectorCodes: ['ICT'] }),
    organisation('E', 'LARGE_COMPANY', 'ITC4'),
    organisation('F', 'SME', 'ITC4', { origin: 'SYNTHETIC' }),
  ],
  projects: [
    project('P1', '2015-01-01', '2017-12-31', 'H2020'),
    project('P2', '2019-06-01', '2020-05-31', 'INTERREG'),
    project('P3', '2014-02-01', '2014-12-31', 'H2020'),
    project('P4', '2021-01-01', '2022-12-31', 'H2020'),
  ],
  participations: [
    ['A', 'P1'],
    ['B', 'P1'],
    ['C', 'P1'],
    ['C', 'P2'],
    ['D', 'P2'],
    ['A', 'P3'],
    ['B', 'P3'],
    ['D', 'P4'],
    ['E', 'P4'],
    ['F', 'P4'],
  ].map(([organisationId, projectId]) => ({
    organisationId: organisationId as string,
    projectId: projectId as string,
  })),
  clusters: [
    { id: 'C1', name: 'Cluster one', regionCode: 'EL30', sectorCodes: ['AGRI'], origin: 'CURATED' },
    { id: 'C2', name: 'Cluster two', regionCode: 'EL43', sectorCodes: ['ICT'], origin: 'CURATED' },
  ],
  regions: [
    { code: 'EL', name: 'Greece', level: 0, parentCode: null },
    { code: 'EL3', name: 'Attiki', level: 1, parentCode: 'EL' },
    { code: 'EL30', name: 'Attiki', level: 2, parentCode: 'EL3' },
    { code: 'EL4', name: 'Nisia Aigaiou, Kriti', level: 1, parentCode: 'EL' },
    { code: 'EL43', name: 'Kriti', level: 2, parentCode: 'EL4' },
    { code: 'IT', name: 'Italia', level: 0, parentCode: null },
    { code: 'ITC', name: 'Nord-Ovest', level: 1, parentCode: 'IT' },
    { code: 'ITC4', name: 'Lombardia', level: 2, parentCode: 'ITC' },
  ],
  memberships: [
    { organisationId: 'A', clusterId: 'C1' },
    { organisationId: 'B', clusterId: 'C1' },
    { organisationId: 'C', clusterId: 'C2' },
    { organisationId: 'D', clusterId: 'C2' },
  ],
  partnerships: [
    { organisationId: 'B', partnershipId: 'L1' },
    { organisationId: 'E', partnershipId: 'L1' },
  ],
};

/**
 * A network from an edge list: each edge of weight w becomes w two-partner projects, so the
 * builder makes exactly these ties. Nodes carry the given kind and region (default OTHER, none).
 */
export function networkFromEdges(
  edges: readonly (readonly [string, string, number?])[],
  nodes: Readonly<Record<string, { kind?: string; regionCode?: string }>> = {},
): Network {
  const ids = new Set<string>(Object.keys(nodes));
  for (const [a, b] of edges) ids.add(a).add(b);
  const projects: ProjectRow[] = [];
  const participations: CooperationData['participations'][number][] = [];
  edges.forEach(([a, b, weight = 1], index) => {
    for (let copy = 0; copy < weight; copy++) {
      const id = `e${index}-${copy}`;
      projects.push({ id, startDate: null, endDate: null, programmeIds: [], origin: 'SYNTHETIC' });
      participations.push({ organisationId: a, projectId: id }, { organisationId: b, projectId: id });
    }
  });
  for (const id of ids) {
    if (edges.some(([a, b]) => a === id || b === id)) continue;
    // A one-partner project makes an untied node.
    projects.push({
      id: `alone-${id}`,
      startDate: null,
      endDate: null,
      programmeIds: [],
      origin: 'SYNTHETIC',
    });
    participations.push({ organisationId: id, projectId: `alone-${id}` });
  }
  const organisations = [...ids].map((id) => ({
    id,
    name: id,
    kind: nodes[id]?.kind ?? 'OTHER',
    regionCode: nodes[id]?.regionCode ?? null,
    sectorCodes: [],
    origin: 'SYNTHETIC' as const,
  }));
  return buildNetwork({ organisations, projects, participations });
}
