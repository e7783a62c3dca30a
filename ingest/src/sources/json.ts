import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { allowsEnds, type NodeLabel, nodeModel } from '@clustergraph/schema';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { ReadProgress } from '../imports/csv.ts';
import { type ImportStatement, type RowProblem, StatementBuilder } from '../imports/statement.ts';
import {
  type InterchangeDocument,
  type InterchangeRelationship,
  interchangeJsonSchema,
  nodePropertyNames,
} from '../interchange/schema.ts';
import type { MappingContext } from './h2020.ts';

const validate = new Ajv2020({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
}).compile<InterchangeDocument>(interchangeJsonSchema());

/** Line (1-based) and column of a character offset of a text. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where each record of the document starts in its text: the records are found in order (the
 * n-th `"label"` / `"type"` key after the array begins), so problems name real lines.
 */
function recordLines(
  text: string,
  document: InterchangeDocument,
): { nodes: number[]; relationships: number[] } {
  const find = (arrayKey: string, recordKey: string, count: number): number[] => {
    const lines: number[] = [];
    const start = text.search(new RegExp(`"${arrayKey}"\\s*:\\s*\\[`));
    if (start < 0) return lines;
    // A record's key at depth 2 (inside the array's objects): props of the same name sit deeper.
    let depth = 0;
    let cursor = start;
    let inString = false;
    for (let index = start; index < text.length && lines.length < count; index += 1) {
      const char = text[index];
      if (inString) {
        if (char === '\\') index += 1;
        else if (char === '"') {
          inString = false;
          if (depth === 2 && text.slice(cursor, index + 1) === `"${recordKey}"`)
            lines.push(position(text, cursor).line);
        }
        continue;
      }
      if (char === '"') {
        inString = true;
        cursor = index;
      } else if (char === '[' || char === '{') depth += 1;
      else if (char === ']' || char === '}') {
        depth -= 1;
        if (depth === 0) break;
      }
    }
    return lines;
  };
  return {
    nodes: find('nodes', 'label', document.nodes?.length ?? 0),
    relationships: find('relationships', 'type', document.relationships?.length ?? 0),
  };
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties')
    return `unknown property "${String(error.params.additionalProperty)}"`;
  if (error.keyword === 'required') return `"${String(error.params.missingProperty)}" is missing`;
  if (error.keyword === 'enum')
    return `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'const') return `must be ${JSON.stringify(error.params.allowedValue)}`;
  return error.message ?? error.keyword;
}

/**
 * A document of the interchange format (ingest/interchange/interchange.schema.json), checked with
 * ajv against its JSON Schema, then the ends of each relationship against the model. A problem
 * names the file, the line of the record, the field as a JSON pointer and the record's id.
 */
export async function mapInterchange(
  path: string,
  context: MappingContext,
  onProgress?: (progress: ReadProgress) => void,
): Promise<ImportStatement> {
  const file = basename(path);
  const text = await readFile(path, 'utf8');
  const { size } = await stat(path);
  const builder = new StatementBuilder();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const where = Number.isFinite(offset) ? position(text, offset) : { line: 1, column: 1 };
    builder.refuse([{ file, ...where, message: `not valid JSON: ${message}` }]);
    return builder.statement;
  }
  const document = parsed as InterchangeDocument;
  const lines =
    parsed && typeof parsed === 'object' ? recordLines(text, document) : { nodes: [], relationships: [] };
  const problemAt = (pointer: string, message: string): RowProblem => {
    const [, array, index] = /^\/(nodes|relationships)\/(\d+)/.exec(pointer) ?? [];
    const record = array
      ? (document[array as 'nodes' | 'relationships'] as unknown[])[Number(index)]
      : undefined;
    const id =
      record && typeof record === 'object'
        ? ((record as { id?: string }).id ??
          `${(record as InterchangeRelationship).type} ${(record as InterchangeRelationship).from} -> ${(record as InterchangeRelationship).to}`)
        : undefined;
    const line = array ? (lines[array as 'nodes' | 'relationships'][Number(index)] ?? 1) : 1;
    return { file, line, field: pointer || '/', message: id ? `${id}: ${message}` : message };
  };
  if (!validate(parsed)) {
    const problems = (validate.errors ?? [])
      // if/then failures repeat the real error beneath them
      .filter((error) => error.keyword !== 'if')
      .map((error) => problemAt(error.instancePath, describe(error)));
    const refusedRecords = new Set(
      problems.map((problem) => `${problem.line}|${(problem.field ?? '').split('/').slice(0, 3).join('/')}`),
    );
    builder.statement.problems.push(...problems);
    builder.statement.refusedRows = refusedRecords.size;
    builder.statement.rowsRead =
      Array.isArray(document.nodes) && Array.isArray(document.relationships)
        ? document.nodes.length + document.relationships.length
        : 0;
    return builder.statement;
  }

  const labelOf = new Map<string, NodeLabel>();
  document.nodes.forEach((node, index) => {
    builder.statement.rowsRead += 1;
    if (labelOf.has(node.id)) {
      builder.refuse([problemAt(`/nodes/${index}/id`, `the id is given twice (a node is one record)`)]);
      return;
    }
    labelOf.set(node.id, node.label);
    const props: Record<string, unknown> = {};
    const shape = nodeModel[node.label].properties as Readonly<Record<string, string>>;
    for (const name of nodePropertyNames(node.label)) {
      // A list left out reads as empty; the rest as given.
      props[name] = node.props[name] ?? (shape[name]?.endsWith('[]') ? [] : undefined);
    }
    builder.node(node.label, node.id, props, lines.nodes[index] ?? index + 1);
    if (node.label === 'Organisation') {
      const text = (key: string) =>
        typeof node.props[key] === 'string' ? (node.props[key] as string) : undefined;
      const keys = { pic: text('pic'), vat: text('vat'), name: text('name'), country: text('country') };
      builder.matchKeys(node.id, {
        label: 'Organisation',
        ...Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined)),
      });
    }
  });
  const unknownEnds = document.relationships
    .flatMap((rel) => [rel.from, rel.to])
    .filter((id) => !labelOf.has(id));
  const graphLabels =
    unknownEnds.length > 0 ? ((await context.labelsOf?.(unknownEnds)) ?? new Map()) : new Map();
  document.relationships.forEach((rel, index) => {
    builder.statement.rowsRead += 1;
    const problems: RowProblem[] = [];
    const ends = (['from', 'to'] as const).map((end) => {
      const label = labelOf.get(rel[end]) ?? graphLabels.get(rel[end]);
      if (!label)
        problems.push(
          problemAt(`/relationships/${index}/${end}`, `no node "${rel[end]}" in the file or the graph`),
        );
      return label;
    });
    const [fromLabel, toLabel] = ends;
    if (fromLabel && toLabel && !allowsEnds(rel.type, fromLabel, toLabel)) {
      problems.push(
        problemAt(`/relationships/${index}/type`, `a ${rel.type} cannot go from ${fromLabel} to ${toLabel}`),
      );
    }
    if (problems.length > 0 || !fromLabel || !toLabel) {
      builder.refuse(problems);
      return;
    }
    builder.relationship(
      rel.type,
      [fromLabel, rel.from],
      [toLabel, rel.to],
      rel.props ?? {},
      lines.relationships[index] ?? index + 1,
    );
  });
  onProgress?.({ bytesRead: size, totalBytes: size, rows: builder.statement.rowsRead });
  return builder.statement;
}
