import type { NodeLabel, RelationshipType } from '@clustergraph/schema';

/** Where a problem is: the file, its line (1-based, the header is line 1), and the column. */
export type RowProblem = { file: string; line: number; column?: number; field?: string; message: string };

/** What one import states about a node: the properties it gives and the lines giving them. */
export type StatedNode = {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
  rows: number[];
  /** The import that stated it, when restoring an earlier statement (else the running one). */
  statedBy?: { importId: string; importedAt: string };
};

/** What one import states about a relationship between two nodes it names by id. */
export type StatedRelationship = {
  type: RelationshipType;
  from: string;
  fromLabel: NodeLabel;
  to: string;
  toLabel: NodeLabel;
  props: Record<string, unknown>;
  rows: number[];
};

/**
 * How a source identifies an organisation or a project, to find the node another source stated
 * about the same one: PIC, VAT, normalised name + country; a project's CORDIS record or number.
 */
export type MatchKeys =
  | { label: 'Organisation'; pic?: string; vat?: string; name?: string; country?: string }
  | { label: 'Project'; rcn?: string; code?: string };

/** Lines kept per stated node: an organisation in 300 projects names its first lines, not all. */
export const ROWS_KEPT = 20;

/**
 * Everything one file states, in the interchange shape every importer maps into: nodes keyed by
 * the id they get when they match nothing, the relationships between them, and every problem
 * of a row that was refused (such a row states nothing).
 */
export type ImportStatement = {
  nodes: Map<string, StatedNode>;
  relationships: Map<string, StatedRelationship>;
  matchKeys: Map<string, MatchKeys>;
  problems: RowProblem[];
  rowsRead: number;
  /** Rows refused, by file and line. */
  refusedRows: number;
};

export function relationshipKey(type: string, from: string, to: string): string {
  return `${type}|${from}|${to}`;
}

/**
 * Collects what the rows of a file state. A node stated by several rows keeps the first value
 * of each property (the rows of CORDIS repeat an organisation once per project).
 */
export class StatementBuilder {
  readonly statement: ImportStatement = {
    nodes: new Map(),
    relationships: new Map(),
    matchKeys: new Map(),
    problems: [],
    rowsRead: 0,
    refusedRows: 0,
  };

  node(label: NodeLabel, id: string, props: Record<string, unknown>, row: number): void {
    const existing = this.statement.nodes.get(id);
    if (!existing) {
      this.statement.nodes.set(id, { label, id, props: withoutEmpty(props), rows: [row] });
      return;
    }
    for (const [name, value] of Object.entries(withoutEmpty(props))) {
      if (!(name in existing.props)) existing.props[name] = value;
    }
    if (existing.rows.length < ROWS_KEPT && existing.rows.at(-1) !== row) existing.rows.push(row);
  }

  matchKeys(id: string, keys: MatchKeys): void {
    if (!this.statement.matchKeys.has(id)) this.statement.matchKeys.set(id, keys);
  }

  relationship(
    type: RelationshipType,
    [fromLabel, from]: [NodeLabel, string],
    [toLabel, to]: [NodeLabel, string],
    props: Record<string, unknown>,
    row: number,
  ): void {
    const key = relationshipKey(type, from, to);
    const existing = this.statement.relationships.get(key);
    if (existing) {
      for (const [name, value] of Object.entries(withoutEmpty(props))) {
        if (!(name in existing.props)) existing.props[name] = value;
      }
      if (existing.rows.length < ROWS_KEPT && existing.rows.at(-1) !== row) existing.rows.push(row);
      return;
    }
    this.statement.relationships.set(key, {
      type,
      from,
      fromLabel,
      to,
      toLabel,
      props: withoutEmpty(props),
      rows: [row],
    });
  }

  refuse(problems: RowProblem[]): void {
    this.statement.problems.push(...problems);
    this.statement.refusedRows += 1;
  }
}

/** A source says nothing with an empty cell: null, undefined and '' are not stated. */
function withoutEmpty(props: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (value !== null && value !== undefined && value !== '') kept[name] = value;
  }
  return kept;
}
