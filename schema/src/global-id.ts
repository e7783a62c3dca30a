import { isNodeLabel, type NodeLabel } from './model.ts';

/*
 * Relay global ids: base64url of `<Label>:<node id>`. Opaque to API clients, stable across loads.
 * Written with TextEncoder and btoa (not Node's Buffer) so the dashboard, which routes by graph
 * key, can turn a key from its URL into the id the API expects with this same function. Decoding is
 * the server's alone.
 */

const toBase64Url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function toGlobalId(label: NodeLabel, id: string): string {
  const bytes = new TextEncoder().encode(`${label}:${id}`);
  return toBase64Url(btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')));
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
