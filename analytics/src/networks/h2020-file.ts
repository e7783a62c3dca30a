import { parse } from 'csv-parse/sync';
import type { CooperationData, OrganisationRow, ParticipationRow, ProjectRow } from './types.ts';

/** CORDIS activity types as organisation kinds of the model. */
const KIND_OF_ACTIVITY: Record<string, string> = {
  PRC: 'COMPANY',
  HES: 'UNIVERSITY',
  REC: 'RESEARCH_INSTITUTE',
  PUB: 'PUBLIC_AUTHORITY',
  OTH: 'OTHER',
};

/**
 * The H2020 participations file (shared/datasets/h2020-participations.csv.gz, unzipped) as
 * cooperation rows: organisations by PIC located in their country, projects by rcn. It feeds the
 * networkx comparison and the benchmark; the importer that writes it to Neo4j lives in ingest/.
 */
export function h2020CooperationData(csvText: string): CooperationData {
  const records = parse(csvText, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const organisations = new Map<string, OrganisationRow>();
  const projects = new Map<string, ProjectRow>();
  const participations: ParticipationRow[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const pic = record.pic ?? '';
    const rcn = record.rcn ?? '';
    if (!organisations.has(pic)) {
      organisations.set(pic, {
        id: pic,
        name: pic,
        kind: KIND_OF_ACTIVITY[record.type ?? ''] ?? 'OTHER',
        regionCode: record.country || null,
        sectorCodes: [],
        origin: 'IMPORTED',
      });
    }
    if (!projects.has(rcn)) {
      projects.set(rcn, {
        id: rcn,
        startDate: record.start_date || null,
        endDate: record.end_date || null,
        programmeIds: ['H2020'],
        origin: 'IMPORTED',
      });
    }
    const key = `${pic}\u0000${rcn}`;
    if (!seen.has(key)) {
      seen.add(key);
      participations.push({ organisationId: pic, projectId: rcn });
    }
  }
  return { organisations: [...organisations.values()], projects: [...projects.values()], participations };
}
