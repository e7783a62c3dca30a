import {
  allowsEnds,
  CALENDAR_DATE_RULE,
  CURATED_SOURCE_KINDS,
  isCalendarDate,
  isNodeLabel,
  isOptional,
  isRelationshipType,
  type NodeLabel,
  nodeModel,
  ORGANISATION_KINDS,
  type PropertyType,
  type RelationshipType,
  relationshipModel,
} from '@clustergraph/schema';
import { type DatasetFile, type SourceRef, sourceId } from './dataset.ts';

/** One thing wrong with the dataset, located by file, record and id. */
export type Problem = { file: string; record: string; message: string };

export type GraphNode = {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
  sources: SourceRef[];
};
export type GraphRelationship = {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
  sources: SourceRef[];
};

/** The dataset merged across files: what gets written when there is no problem. */
export type Graph = { nodes: GraphNode[]; relationships: GraphRelationship[] };

const SET_BY_LOADER = new Set(['id', 'synthetic', 'origin', 'version']);
const SET_BY_LOADER_ON_RELATIONSHIPS = new Set(['sources', 'origin', 'importId', 'rows', 'version']);

function typeProblem(type: PropertyType, value: unknown): string | null {
  if (value === null || value === undefined) return isOptional(type) ? null : 'is required';
  switch (type) {
    case 'string':
    case 'string?':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be a non-empty string';
    case 'date?':
      return isCalendarDate(value) ? null : `must be ${CALENDAR_DATE_RULE}`;
    case 'int':
    case 'int?':
      return Number.isInteger(value) ? null : 'must be a whole number';
    case 'float?':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'int[]':
      return Array.isArray(value) && value.every((item) => Number.isInteger(item))
        ? null
        : 'must be a list of whole numbers';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? null
        : 'must be a list of strings';
    case 'json[]':
      if (!Array.isArray(value)) return 'must be a list of JSON strings';
      for (const item of value) {
        try {
          if (typeof item !== 'string' || typeof JSON.parse(item) !== 'object')
            return 'must hold JSON objects as strings';
        } catch {
          return `holds text that is not JSON: ${String(item).slice(0, 40)}`;
        }
      }
      return null;
  }
}

export function propsProblems(
  shape: Readonly<Record<string, PropertyType>>,
  props: Record<string, unknown>,
  setByLoader: Set<string>,
): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(props)) {
    if (setByLoader.has(name)) problems.push(`property "${name}" is set by the loader, not the data`);
    else if (!Object.hasOwn(shape, name)) problems.push(`unknown property "${name}"`);
  }
  for (const [name, type] of Object.entries(shape)) {
    if (setByLoader.has(name)) continue;
    const problem = typeProblem(type, props[name]);
    if (problem) problems.push(`property "${name}" ${problem}`);
  }
  return problems;
}

function sourcesProblem(sources: unknown): string | null {
  if (!Array.isArray(sources) || sources.length === 0) return 'has no source';
  for (const source of sources as Partial<SourceRef>[]) {
    if (
      typeof source?.document !== 'string' ||
      !source.document ||
      typeof source.section !== 'string' ||
      !source.section
    ) {
      return 'has a source without document and section';
    }
    if (source.kind !== undefined && !(CURATED_SOURCE_KINDS as readonly string[]).includes(source.kind)) {
      return `has a source of unknown kind "${String(source.kind)}" (known: ${CURATED_SOURCE_KINDS.join(', ')})`;
    }
    const reasoned = typeof source.reason === 'string' && source.reason.trim() !== '';
    if (source.kind === 'INFERENCE' && !reasoned) {
      return `has an INFERENCE source on ${source.document} without a reason`;
    }
    if (source.kind !== 'INFERENCE' && source.reason !== undefined) {
      return `has a reason on a source that is not an INFERENCE (${source.document} ${source.section})`;
    }
  }
  return null;
}

/** A partnership's member kinds: each {kind, name, count?} with a kind of the model. */
function memberKindsProblems(memberKinds: unknown): string[] {
  if (!Array.isArray(memberKinds)) return [];
  return memberKinds.flatMap((json, index) => {
    let member: { kind?: unknown; name?: unknown; count?: unknown };
    try {
      member = JSON.parse(String(json));
    } catch {
      return []; // reported as not JSON by the property check
    }
    const where = `property "memberKinds"[${index}]`;
    const problems: string[] = [];
    if (!(ORGANISATION_KINDS as readonly unknown[]).includes(member.kind)) {
      problems.push(
        `${where} has kind ${JSON.stringify(member.kind)}, not one of ${ORGANISATION_KINDS.join(', ')}`,
      );
    }
    if (typeof member.name !== 'string' || member.name.trim() === '') problems.push(`${where} has no name`);
    if (member.count !== undefined && !(Number.isInteger(member.count) && (member.count as number) > 0)) {
      problems.push(`${where} has a count that is not a positive whole number`);
    }
    return problems;
  });
}

function mergeSources(into: SourceRef[], more: SourceRef[]): void {
  const seen = new Set(into.map(sourceId));
  for (const source of more) if (!seen.has(sourceId(source))) into.push(source);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Checks every record and merges the files into one graph. Returns every problem found, by file
 * and record; the graph is only to be written when there are none.
 */
export function validateDataset(files: readonly DatasetFile[]): { graph: Graph; problems: Problem[] } {
  const problems: Problem[] = [];
  const nodes = new Map<string, GraphNode & { file: string }>();
  const relationships = new Map<string, GraphRelationship>();

  for (const { file, nodes: records } of files) {
    const idsInFile = new Set<string>();
    for (const [index, record] of records.entries()) {
      const where = `nodes[${index}] ${record?.id ?? '(no id)'}`;
      const report = (message: string) => problems.push({ file, record: where, message });
      if (typeof record?.id !== 'string' || record.id === '') {
        report('has no id');
        continue;
      }
      if (idsInFile.has(record.id)) report(`duplicate id ${record.id} in this file`);
      idsInFile.add(record.id);
      if (!isNodeLabel(record.label)) {
        report(`unknown label "${record.label}"`);
        continue;
      }
      const props = record.props ?? {};
      for (const message of propsProblems(nodeModel[record.label].properties, props, SET_BY_LOADER))
        report(message);
      for (const message of memberKindsProblems(props.memberKinds)) report(message);
      const sourceProblem = sourcesProblem(record.sources);
      if (sourceProblem) report(sourceProblem);
      if (record.label === 'Region' && record.id !== `region:${props.code}`) {
        report(`a region's id must be region:<code>, got ${record.id} for code ${String(props.code)}`);
      }
      if (record.label === 'Sector' && record.id !== `sector:${props.code}`) {
        report(`a sector's id must be sector:<code>, got ${record.id} for code ${String(props.code)}`);
      }
      const existing = nodes.get(record.id);
      if (!existing) {
        nodes.set(record.id, {
          file,
          label: record.label,
          id: record.id,
          props: { ...props },
          sources: [...(sourceProblem ? [] : record.sources)],
        });
        continue;
      }
      if (existing.label !== record.label) {
        report(`id ${record.id} is a ${existing.label} in ${existing.file} but a ${record.label} here`);
        continue;
      }
      for (const [name, value] of Object.entries(props)) {
        if (name in existing.props && !sameValue(existing.props[name], value)) {
          report(
            `property "${name}" is ${JSON.stringify(value)} here but ${JSON.stringify(existing.props[name])} in ${existing.file}`,
          );
        } else existing.props[name] = value;
      }
      if (!sourceProblem) mergeSources(existing.sources, record.sources);
    }
  }

  for (const { file, relationships: records } of files) {
    const keysInFile = new Set<string>();
    for (const [index, record] of records.entries()) {
      const where = `relationships[${index}] ${record?.type} ${record?.from} -> ${record?.to}`;
      const report = (message: string) => problems.push({ file, record: where, message });
      if (!isRelationshipType(record?.type)) {
        report(`unknown relationship type "${record?.type}"`);
        continue;
      }
      if (record.type === 'SOURCED_FROM') {
        report('SOURCED_FROM is written by the loader from `sources`');
        continue;
      }
      const from = nodes.get(record.from);
      const to = nodes.get(record.to);
      if (!from) report(`dangling reference: no node ${record.from}`);
      if (!to) report(`dangling reference: no node ${record.to}`);
      const props = record.props ?? {};
      for (const message of propsProblems(
        relationshipModel[record.type].properties,
        props,
        SET_BY_LOADER_ON_RELATIONSHIPS,
      )) {
        report(message);
      }
      const sourceProblem = sourcesProblem(record.sources);
      if (sourceProblem) report(sourceProblem);
      if (!from || !to) continue;
      if (!allowsEnds(record.type, from.label, to.label)) {
        report(`the model has no ${record.type} from ${from.label} to ${to.label}`);
        continue;
      }
      const key = `${record.type}|${record.from}|${record.to}`;
      if (keysInFile.has(key)) report('duplicate relationship in this file');
      keysInFile.add(key);
      const existing = relationships.get(key);
      if (!existing) {
        relationships.set(key, {
          type: record.type,
          from: record.from,
          to: record.to,
          props: { ...props },
          sources: sourceProblem ? [] : [...record.sources],
        });
        continue;
      }
      for (const [name, value] of Object.entries(props)) {
        if (name in existing.props && !sameValue(existing.props[name], value)) {
          report(
            `property "${name}" is ${JSON.stringify(value)} here but ${JSON.stringify(existing.props[name])} elsewhere`,
          );
        } else existing.props[name] = value;
      }
      if (!sourceProblem) mergeSources(existing.sources, record.sources);
    }
  }

  const graph: Graph = {
    nodes: [...nodes.values()].map(({ file: _file, ...node }) => node),
    relationships: [...relationships.values()],
  };
  return { graph, problems };
}

export class DatasetInvalidError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The dataset was refused, nothing was loaded. ${problems.length} problem(s):\n` +
        problems.map((problem) => `  ${problem.file} ${problem.record}: ${problem.message}`).join('\n'),
    );
  }
}
