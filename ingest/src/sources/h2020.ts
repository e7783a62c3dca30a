import { isoCountryOfNuts, type NodeLabel } from '@clustergraph/schema';
import { type ReadProgress, readCsv } from '../imports/csv.ts';
import { type ImportStatement, StatementBuilder } from '../imports/statement.ts';
import {
  countryCell,
  FRAMEWORK_PROGRAMMES,
  locate,
  organisationId,
  organisationKind,
  ROLES,
} from './cordis-common.ts';

/** A cluster a member list may name (see member-list.ts), with the country it is in. */
export type KnownCluster = { id: string; name: string; country?: string | undefined };

/**
 * What an importer knows of the graph before it reads: the regions a document states, and for
 * a member list the clusters (by id, name and acronym) and the one given on the command line.
 */
export type MappingContext = {
  knownRegions: ReadonlySet<string>;
  clusters?: ReadonlyMap<string, KnownCluster>;
  cluster?: KnownCluster | undefined;
  /** The labels of nodes the graph holds, by id (a JSON document's relationships may name them). */
  labelsOf?: (ids: readonly string[]) => Promise<ReadonlyMap<string, NodeLabel>>;
};

const PIC = /^\d{9}$/;

export function projectIdOfRcn(rcn: string): string {
  return `project:cordis-rcn:${rcn}`;
}

/**
 * The Horizon 2020 participation file (one row per organisation and project: rcn, role, pic,
 * type, contribution, country, dates, total cost). It names no organisation and no project:
 * organisations are known by PIC, activity type and country, projects by their CORDIS record
 * number, until another source names them.
 */
export async function mapH2020Participations(
  path: string,
  context: MappingContext,
  onProgress?: (progress: ReadProgress) => void,
): Promise<ImportStatement> {
  const builder = new StatementBuilder();
  const programme = FRAMEWORK_PROGRAMMES.H2020;
  if (!programme) throw new Error('the H2020 programme is missing from FRAMEWORK_PROGRAMMES');
  for await (const { line, cells } of readCsv(path, onProgress)) {
    builder.statement.rowsRead += 1;
    const rcn = cells.required('rcn');
    if (rcn !== undefined && !/^\d+$/.test(rcn)) cells.refuse('rcn', `is not a record number: "${rcn}"`);
    const pic = cells.required('pic');
    if (pic !== undefined && !PIC.test(pic)) cells.refuse('pic', `is not a nine-digit PIC: "${pic}"`);
    const activityType = cells.oneOf('type', {
      PRC: 'PRC',
      HES: 'HES',
      REC: 'REC',
      PUB: 'PUB',
      OTH: 'OTH',
    } as const);
    const role = cells.oneOf('role', ROLES);
    const country = countryCell(cells, 'country');
    const contribution = cells.number('contribution');
    const startDate = cells.date('start_date');
    const endDate = cells.date('end_date');
    const totalCost = cells.number('total_cost');
    if (cells.problems.length > 0 || !rcn || !pic || !activityType || !role || !country) {
      builder.refuse(cells.problems);
      continue;
    }
    const organisation = organisationId(pic);
    builder.node(
      'Organisation',
      organisation,
      {
        pic,
        activityType,
        kind: organisationKind(activityType),
        country: isoCountryOfNuts(country),
      },
      line,
    );
    builder.matchKeys(organisation, { label: 'Organisation', pic, country: isoCountryOfNuts(country) });
    const region = locate(builder, context.knownRegions, country, line);
    builder.relationship('LOCATED_IN', ['Organisation', organisation], ['Region', region], {}, line);

    const project = projectIdOfRcn(rcn);
    builder.node(
      'Project',
      project,
      {
        rcn,
        startDate,
        endDate,
        budgetAmount: totalCost,
        budgetCurrency: totalCost === undefined ? undefined : 'EUR',
      },
      line,
    );
    builder.matchKeys(project, { label: 'Project', rcn });
    builder.node('Programme', programme.id, { name: programme.name, acronym: programme.acronym }, line);
    builder.relationship('FUNDED_BY', ['Project', project], ['Programme', programme.id], {}, line);
    builder.relationship(
      'PARTICIPATES_IN',
      ['Organisation', organisation],
      ['Project', project],
      { role, contribution },
      line,
    );
  }
  return builder.statement;
}
