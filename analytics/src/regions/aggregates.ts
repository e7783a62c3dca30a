import { regionMatcher, regionRollUp } from '../networks/filter.ts';
import { dateRange, overlaps } from '../networks/partial-dates.ts';
import type { CooperationData, Origin } from '../networks/types.ts';

export const AGGREGATE_MEASURES = ['ORGANISATIONS', 'CLUSTERS', 'PROJECTS', 'CONTRIBUTION'] as const;
export type AggregateMeasure = (typeof AGGREGATE_MEASURES)[number];

export const AGGREGATE_GROUPS = ['KIND', 'REGION', 'COUNTRY', 'SECTOR', 'YEAR', 'PROGRAMME'] as const;
export type AggregateGroup = (typeof AGGREGATE_GROUPS)[number];

/** Which groupings each measure has (organisations per kind, projects per year, contribution per country...). */
export const GROUPS_OF_MEASURE: Record<AggregateMeasure, readonly AggregateGroup[]> = {
  ORGANISATIONS: ['KIND', 'REGION', 'COUNTRY', 'SECTOR'],
  CLUSTERS: ['REGION', 'COUNTRY', 'SECTOR'],
  PROJECTS: ['YEAR', 'PROGRAMME', 'COUNTRY', 'REGION'],
  CONTRIBUTION: ['YEAR', 'COUNTRY', 'REGION', 'KIND', 'PROGRAMME'],
};

export interface AggregateFilter {
  /** Organisations, clusters and participants located in this region or its sub-regions. */
  regionCode?: string;
  /** Projects (and so participations and contributions) whose period overlaps this range. */
  period?: { from?: string; to?: string };
  origins?: readonly Origin[];
  /** REGION groups roll up to this NUTS level (default 2). */
  regionLevel?: number;
}

export class AggregateInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'AggregateInputError';
  }
}

export interface GroupValue {
  key: string;
  value: number;
}

/**
 * A measure per group, largest first. Projects count once per group they reach (a project with
 * partners in two countries counts in both); contribution sums the participations' EU contribution;
 * a project's year is its start year.
 */
export function aggregate(
  data: CooperationData,
  measure: AggregateMeasure,
  by: AggregateGroup,
  filter: AggregateFilter = {},
): GroupValue[] {
  if (!GROUPS_OF_MEASURE[measure].includes(by)) {
    throw new AggregateInputError(
      'by',
      `${measure} can be grouped by ${GROUPS_OF_MEASURE[measure].join(', ')}, not ${by}`,
    );
  }
  const inRegion = filter.regionCode ? regionMatcher(filter.regionCode, data.regions) : () => true;
  const origins = filter.origins && filter.origins.length > 0 ? new Set<string>(filter.origins) : null;
  const keep = (origin: string) => origins === null || origins.has(origin);
  const rollUp = regionRollUp(data.regions);
  const regionLevel = filter.regionLevel ?? 2;
  const regionKey = (code: string | null, level: number) => (code === null ? 'UNKNOWN' : rollUp(code, level));
  const range = dateRange(filter.period);
  const totals = new Map<string, number>();
  const distinct = new Map<string, Set<string>>();
  const add = (key: string, value: number) => totals.set(key, (totals.get(key) ?? 0) + value);
  const addOnce = (key: string, id: string) => {
    const seen = distinct.get(key) ?? new Set<string>();
    if (!seen.has(id)) {
      seen.add(id);
      add(key, 1);
    }
    distinct.set(key, seen);
  };

  if (measure === 'ORGANISATIONS' || measure === 'CLUSTERS') {
    const rows =
      measure === 'ORGANISATIONS'
        ? data.organisations
        : (data.clusters ?? []).map((cluster) => ({ ...cluster, kind: 'CLUSTER' }));
    for (const row of rows) {
      if (!keep(row.origin) || !inRegion(row.regionCode)) continue;
      if (by === 'KIND') add(row.kind, 1);
      else if (by === 'REGION') add(regionKey(row.regionCode, regionLevel), 1);
      else if (by === 'COUNTRY') add(regionKey(row.regionCode, 0), 1);
      else for (const sector of row.sectorCodes.length > 0 ? row.sectorCodes : ['NONE']) add(sector, 1);
    }
  } else {
    const organisations = new Map(data.organisations.map((organisation) => [organisation.id, organisation]));
    const projects = new Map(data.projects.map((project) => [project.id, project]));
    for (const participation of data.participations) {
      const organisation = organisations.get(participation.organisationId);
      const project = projects.get(participation.projectId);
      if (!organisation || !project || !keep(project.origin) || !inRegion(organisation.regionCode)) continue;
      if (!overlaps(range, project.startDate, project.endDate)) continue;
      const keys =
        by === 'YEAR'
          ? [project.startDate ? project.startDate.slice(0, 4) : 'UNKNOWN']
          : by === 'PROGRAMME'
            ? project.programmeIds.length > 0
              ? project.programmeIds
              : ['NONE']
            : by === 'COUNTRY'
              ? [regionKey(organisation.regionCode, 0)]
              : by === 'REGION'
                ? [regionKey(organisation.regionCode, regionLevel)]
                : [organisation.kind];
      for (const key of keys) {
        if (measure === 'PROJECTS') addOnce(key, project.id);
        else add(key, participation.contribution ?? 0);
      }
    }
  }
  return [...totals]
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1));
}
