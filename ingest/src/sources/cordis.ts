import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isoCountryOfNuts } from '@clustergraph/schema';
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
import type { MappingContext } from './h2020.ts';

const ACTIVITY = { PRC: 'PRC', HES: 'HES', REC: 'REC', PUB: 'PUB', OTH: 'OTH' } as const;

export function cordisProjectId(id: string): string {
  return `project:cordis:${id}`;
}

/** The two files of a CORDIS export: project.csv and organization.csv, in a folder or named. */
export function cordisFiles(path: string): { projects: string; organisations: string } {
  const folder = existsSync(path) && statSync(path).isDirectory() ? path : join(path, '..');
  const files = { projects: join(folder, 'project.csv'), organisations: join(folder, 'organization.csv') };
  for (const file of Object.values(files)) {
    if (!existsSync(file))
      throw new Error(`${file}: not found (a CORDIS import reads project.csv and organization.csv)`);
  }
  return files;
}

/**
 * A CORDIS project export: project.csv (one row per project) and organization.csv (one row per
 * participation, with the organisation's PIC, VAT, names, SME flag, activity type, NUTS code,
 * role and contribution). Comma-separated exports and the semicolon-separated files CORDIS
 * publishes (an `active` column more, decimal commas, quoted multi-line fields, BOM) both read.
 */
export async function mapCordisExport(
  path: string,
  context: MappingContext,
  onProgress?: (progress: ReadProgress) => void,
): Promise<ImportStatement> {
  const files = cordisFiles(path);
  const builder = new StatementBuilder();
  const projects = new Set<string>();

  for await (const { line, cells } of readCsv(files.projects, onProgress)) {
    builder.statement.rowsRead += 1;
    const id = cells.required('id');
    if (id !== undefined && !/^\d+$/.test(id)) cells.refuse('id', `is not a project number: "${id}"`);
    const title = cells.required('title');
    const programme = cells.oneOf('frameworkProgramme', FRAMEWORK_PROGRAMMES);
    const props = {
      code: id,
      rcn: cells.text('rcn'),
      acronym: cells.text('acronym'),
      title,
      startDate: cells.date('startDate'),
      endDate: cells.date('endDate'),
      budgetAmount: cells.number('totalCost'),
      budgetCurrency: cells.text('totalCost') === undefined ? undefined : 'EUR',
      objectives: cells.text('objective') === undefined ? undefined : [cells.text('objective')],
    };
    if (cells.problems.length > 0 || !id || !title || !programme) {
      builder.refuse(cells.problems);
      continue;
    }
    const project = cordisProjectId(id);
    projects.add(id);
    builder.node('Project', project, props, line);
    builder.matchKeys(project, { label: 'Project', code: id, ...(props.rcn ? { rcn: props.rcn } : {}) });
    builder.node('Programme', programme.id, { name: programme.name, acronym: programme.acronym }, line);
    builder.relationship('FUNDED_BY', ['Project', project], ['Programme', programme.id], {}, line);
  }

  for await (const { line, cells } of readCsv(files.organisations, onProgress)) {
    builder.statement.rowsRead += 1;
    const projectNumber = cells.required('projectID');
    if (projectNumber !== undefined && !projects.has(projectNumber)) {
      cells.refuse('projectID', `project ${projectNumber} is not in project.csv (or was refused there)`);
    }
    const pic = cells.required('organisationID');
    if (pic !== undefined && !/^\d{9}$/.test(pic)) {
      cells.refuse('organisationID', `is not a nine-digit PIC: "${pic}"`);
    }
    const name = cells.required('name');
    const activityType = cells.oneOf('activityType', ACTIVITY);
    const sme = cells.boolean('SME');
    const country = countryCell(cells, 'country');
    const nutsCode = cells.text('nutsCode');
    if (nutsCode !== undefined && !/^[A-Za-z]{2}[A-Za-z0-9]{0,3}$/.test(nutsCode)) {
      cells.refuse('nutsCode', `is not a NUTS code: "${nutsCode}"`);
    }
    const role = cells.oneOf('role', ROLES);
    const contribution = cells.number('ecContribution');
    const vat = cells.text('vatNumber');
    if (cells.problems.length > 0 || !projectNumber || !pic || !name || !activityType || !country || !role) {
      builder.refuse(cells.problems);
      continue;
    }
    const organisation = organisationId(pic);
    const iso = isoCountryOfNuts(country);
    builder.node(
      'Organisation',
      organisation,
      {
        name,
        acronym: cells.text('shortName'),
        pic,
        vat,
        activityType,
        kind: organisationKind(activityType, sme),
        country: iso,
        website: cells.text('organizationURL'),
      },
      line,
    );
    builder.matchKeys(organisation, {
      label: 'Organisation',
      pic,
      name,
      country: iso,
      ...(vat ? { vat } : {}),
    });
    const region = locate(builder, context.knownRegions, nutsCode ?? country, line);
    builder.relationship('LOCATED_IN', ['Organisation', organisation], ['Region', region], {}, line);
    builder.relationship(
      'PARTICIPATES_IN',
      ['Organisation', organisation],
      ['Project', cordisProjectId(projectNumber)],
      { role, contribution },
      line,
    );
  }
  return builder.statement;
}
