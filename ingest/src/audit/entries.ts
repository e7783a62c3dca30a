import type { NodeLabel, RelationshipType } from '@clustergraph/schema';

/** Properties of a node or relationship as written: plain JSON values (dates as ISO strings). */
export type Props = Readonly<Record<string, unknown>>;

/**
 * One changed node or relationship of a write. `before: null` records a creation, `after: null`
 * a deletion; an update holds the changed properties only (see `diff`), a property that went
 * is `null` in `after`, one that came is `null` in `before`.
 */
export type ChangeEntry =
  | { kind: 'node'; id: string; label: NodeLabel; before: Props | null; after: Props | null }
  | {
      kind: 'relationship';
      type: RelationshipType;
      from: string;
      to: string;
      before: Props | null;
      after: Props | null;
    };

export type Actor = { id: string; name: string };

/** What a write records, in the transaction that makes it (recordChanges). */
export type ChangeInput = {
  actor: Actor;
  operation: string;
  importId?: string;
  note?: string;
  entries: ChangeEntry[];
};

/** Deep equality of JSON-like values: arrays by their items in order, objects by their keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of keys) if (!sameValue(left[key], right[key])) return false;
    return true;
  }
  return false;
}

/**
 * Before and after of what changed between two states of a node or relationship: the whole
 * state for a creation (before null) or a deletion (after null), only the changed properties
 * for an update (a property that is absent or null on one side is null there), and null when
 * nothing changed, so a caller can skip the entry.
 */
export function diff(
  before: Props | null,
  after: Props | null,
): { before: Props | null; after: Props | null } | null {
  if (before === null && after === null) return null;
  if (before === null) return { before: null, after: withoutNulls(after ?? {}) };
  if (after === null) return { before: withoutNulls(before), after: null };
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key] ?? null;
    const is = after[key] ?? null;
    if (sameValue(was, is)) continue;
    changedBefore[key] = was;
    changedAfter[key] = is;
  }
  if (Object.keys(changedAfter).length === 0) return null;
  return { before: changedBefore, after: changedAfter };
}

/** The entry of a node between two states, or null when nothing changed. */
export function nodeEntry(
  label: NodeLabel,
  id: string,
  before: Props | null,
  after: Props | null,
): ChangeEntry | null {
  const changed = diff(before, after);
  return changed ? { kind: 'node', id, label, ...changed } : null;
}

/** The entry of a relationship (type, from, to) between two states, or null when nothing changed. */
export function relationshipEntry(
  type: RelationshipType,
  from: string,
  to: string,
  before: Props | null,
  after: Props | null,
): ChangeEntry | null {
  const changed = diff(before, after);
  return changed ? { kind: 'relationship', type, from, to, ...changed } : null;
}

function withoutNulls(props: Props): Props {
  return Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== null && value !== undefined),
  );
}
