import { type NodeLabel, nodeModel, type RelationshipType } from '@clustergraph/schema';
import { propsProblems } from '../validate.ts';
import { matchStated, type UncertainMatch } from './match.ts';
import type { Claim, GraphState } from './state.ts';
import { type ImportStatement, type RowProblem, relationshipKey, type StatedNode } from './statement.ts';

export type Counts = {
  created: number;
  updated: number;
  matched: number;
  unchanged: number;
  removed: number;
};

/** A property an import states differently from the curated data: kept as the import's claim. */
export type Conflict = { id: string; property: string; curated: unknown; stated: unknown };

/** `isNew`: the graph has no node with this id, so the write creates it (CREATE, not MERGE). */
export type NodeWrite = { label: NodeLabel; id: string; props: Record<string, unknown>; isNew?: boolean };
export type ClaimWrite = {
  label: NodeLabel;
  id: string;
  stated: string;
  rows: number[];
  /** Null: the running import. */
  importId: string | null;
  importedAt: string | null;
};
export type NodeRef = { label: NodeLabel; id: string };
export type RelationshipWrite = {
  type: RelationshipType;
  fromLabel: NodeLabel;
  from: string;
  toLabel: NodeLabel;
  to: string;
  props: Record<string, unknown>;
  rows: number[];
  /** Null or absent: the running import. */
  importId?: string | null;
  /** The graph has no such relationship yet: the write creates it (CREATE, not MERGE). */
  isNew?: boolean;
};

/** What an import (or an undo) changes, computed before anything is written. */
export type WritePlan = {
  nodeWrites: NodeWrite[];
  claimWrites: ClaimWrite[];
  claimRemovals: NodeRef[];
  nodeDeletions: NodeRef[];
  relationshipWrites: RelationshipWrite[];
  relationshipRemovals: RelationshipWrite[];
  nodes: Counts;
  relationships: Counts;
  conflicts: Conflict[];
  uncertain: UncertainMatch[];
  /** Problems of the merged properties (a mapping that states too little), by the first line stating them. */
  problems: RowProblem[];
};

const SET_BY_LOADER = new Set(['id', 'synthetic', 'origin', 'version']);

/**
 * The merge rule. A node no document states takes, property by property, the value of the newest
 * import that states it (claims ordered by importedAt, newest first); what no import names gets a
 * stand-in (an organisation known only by PIC is "PIC 999981634"). A node a document states
 * (CURATED) keeps its properties: imports add their claims beside them, never over them.
 */
export function mergeClaims(label: NodeLabel, claims: readonly Claim[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const newestFirst = [...claims].sort(
    (a, b) => b.importedAt.localeCompare(a.importedAt) || a.source.localeCompare(b.source),
  );
  for (const claim of newestFirst) {
    for (const [name, value] of Object.entries(claim.stated)) if (!(name in props)) props[name] = value;
  }
  if (label === 'Organisation') {
    props.name ??= typeof props.pic === 'string' ? `PIC ${props.pic}` : 'Unnamed organisation';
    props.kind ??= 'OTHER';
  }
  if (label === 'Project') {
    props.code ??= typeof props.rcn === 'string' ? `RCN ${props.rcn}` : 'unknown';
    props.title ??= `CORDIS project record ${String(props.rcn ?? props.code)}`;
  }
  return props;
}

function emptyCounts(): Counts {
  return { created: 0, updated: 0, matched: 0, unchanged: 0, removed: 0 };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Two property maps state the same, whatever the order of their keys (the graph's is the model's). */
function sameProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key], b[key]));
}

/** What a stream states after this run: nodes by their graph id, relationships by key. */
export type StreamStatement = {
  nodes: Map<string, StatedNode>;
  relationships: Map<string, RelationshipWrite>;
};

/**
 * Resolves the ids of an importer's statement against the graph: a stated organisation or project
 * that matches a node becomes that node (its statements merged with others about it).
 */
export function resolveStatement(
  statement: ImportStatement,
  state: GraphState,
): { stream: StreamStatement; uncertain: UncertainMatch[] } {
  const { resolved, uncertain } = matchStated(statement.matchKeys, state);
  const idOf = (id: string) => resolved.get(id) ?? id;
  const nodes = new Map<string, StatedNode>();
  for (const node of statement.nodes.values()) {
    const id = idOf(node.id);
    const existing = nodes.get(id);
    if (!existing) nodes.set(id, { ...node, id, props: { ...node.props } });
    else {
      for (const [name, value] of Object.entries(node.props))
        if (!(name in existing.props)) existing.props[name] = value;
      existing.rows = [...new Set([...existing.rows, ...node.rows])].sort((a, b) => a - b);
    }
  }
  const relationships = new Map<string, RelationshipWrite>();
  for (const rel of statement.relationships.values()) {
    const from = idOf(rel.from);
    const to = idOf(rel.to);
    const key = relationshipKey(rel.type, from, to);
    if (!relationships.has(key)) relationships.set(key, { ...rel, from, to });
  }
  return { stream: { nodes, relationships }, uncertain };
}

/**
 * Compares what a stream states now with what it stated before (the claims and relationships
 * carrying its Source) and plans the writes: create what is new, update what changed, remove
 * what it no longer states, leave everything else alone. Writing the plan of an unchanged file
 * writes nothing.
 */
export function planStream(
  stream: StreamStatement,
  state: GraphState,
  source: string,
  importedAt: string,
): WritePlan {
  const plan: WritePlan = {
    nodeWrites: [],
    claimWrites: [],
    claimRemovals: [],
    nodeDeletions: [],
    relationshipWrites: [],
    relationshipRemovals: [],
    nodes: emptyCounts(),
    relationships: emptyCounts(),
    conflicts: [],
    uncertain: [],
    problems: [],
  };

  const checkProps = (
    label: NodeLabel,
    id: string,
    props: Record<string, unknown>,
    rows: readonly number[],
  ) => {
    for (const message of propsProblems(nodeModel[label].properties, props, SET_BY_LOADER)) {
      plan.problems.push({ file: '', line: rows[0] ?? 0, message: `${label} ${id}: ${message}` });
    }
  };

  for (const node of stream.nodes.values()) {
    const existing = state.nodes.get(node.id);
    const previous = existing?.claims.find((claim) => claim.source === source);
    const claimChanged = !previous || !same(previous.stated, node.props) || !same(previous.rows, node.rows);
    const claim: Claim = claimChanged
      ? {
          source,
          stated: node.props,
          rows: node.rows,
          importId: node.statedBy?.importId ?? '',
          importedAt: node.statedBy?.importedAt ?? importedAt,
        }
      : previous;
    if (claimChanged) {
      plan.claimWrites.push({
        label: node.label,
        id: node.id,
        stated: JSON.stringify(node.props),
        rows: node.rows,
        importId: node.statedBy?.importId ?? null,
        importedAt: node.statedBy?.importedAt ?? null,
      });
    }
    if (!existing) {
      const props = mergeClaims(node.label, [claim]);
      checkProps(node.label, node.id, props, node.rows);
      plan.nodeWrites.push({ label: node.label, id: node.id, props, isNew: true });
      plan.nodes.created += 1;
      continue;
    }
    if (existing.origin !== 'IMPORTED') {
      for (const [property, value] of Object.entries(node.props)) {
        if (property in existing.props && !same(existing.props[property], value)) {
          plan.conflicts.push({ id: node.id, property, curated: existing.props[property], stated: value });
        }
      }
      plan.nodes[claimChanged ? 'matched' : 'unchanged'] += 1;
      continue;
    }
    const others = existing.claims.filter((other) => other.source !== source);
    const before = mergeClaims(node.label, existing.claims);
    const after = mergeClaims(node.label, [...others, claim]);
    if (!same(before, after)) {
      checkProps(node.label, node.id, after, node.rows);
      plan.nodeWrites.push({ label: node.label, id: node.id, props: after });
    }
    plan.nodes[claimChanged || !same(before, after) ? 'updated' : 'unchanged'] += 1;
  }

  for (const existing of state.nodes.values()) {
    if (stream.nodes.has(existing.id)) continue;
    if (!existing.claims.some((claim) => claim.source === source)) continue;
    const ref = { label: existing.label, id: existing.id };
    const others = existing.claims.filter((claim) => claim.source !== source);
    plan.nodes.removed += 1;
    if (existing.origin !== 'IMPORTED') plan.claimRemovals.push(ref);
    else if (others.length === 0) plan.nodeDeletions.push(ref);
    else {
      plan.claimRemovals.push(ref);
      plan.nodeWrites.push({ ...ref, props: mergeClaims(existing.label, others) });
    }
  }

  for (const [key, rel] of stream.relationships) {
    const existing = state.relationships.get(key);
    if (!existing) {
      plan.relationshipWrites.push({ ...rel, isNew: true });
      plan.relationships.created += 1;
    } else if (existing.origin !== 'IMPORTED') {
      plan.relationships.matched += 1;
    } else if (
      !existing.sources.includes(source) ||
      !sameProps(existing.props, rel.props) ||
      !same(existing.rows, rel.rows)
    ) {
      plan.relationshipWrites.push(rel);
      plan.relationships.updated += 1;
    } else plan.relationships.unchanged += 1;
  }
  for (const [key, existing] of state.relationships) {
    if (existing.origin !== 'IMPORTED' || !existing.sources.includes(source) || stream.relationships.has(key))
      continue;
    plan.relationshipRemovals.push({ ...existing });
    plan.relationships.removed += 1;
  }
  return plan;
}

export function changesAnything(plan: WritePlan): boolean {
  return (
    plan.nodeWrites.length +
      plan.claimWrites.length +
      plan.claimRemovals.length +
      plan.nodeDeletions.length +
      plan.relationshipWrites.length +
      plan.relationshipRemovals.length >
    0
  );
}
