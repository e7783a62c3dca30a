import { isNodeLabel, type NodeLabel } from './model.ts';

/** Relay global ids: base64url of `<Label>:<node id>`. Opaque to clients, stable across loads. */
export function toGlobalId(label: NodeLabel, id: string): string {
  return Buffer.from(`${label}:${id}`, 'utf8').toString('base64url');
}

export type DecodedGlobalId = { label: NodeLabel; id: string };

/** Returns null when the text is not a global id this model could have produced. */
export function fromGlobalId(globalId: string): DecodedGlobalId | null {
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  const label = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!isNodeLabel(label) || id.length === 0) return null;
  return { label, id };
}
