import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceKind } from '@clustergraph/schema';

/**
 * Where a fact comes from. Without `kind` (or with DOCUMENT) the section states it; an INFERENCE
 * is the curators' reading of that document and section, and must say why in `reason`.
 */
export type SourceRef = { document: string; section: string; kind?: SourceKind; reason?: string };

export type NodeRecord = {
  label: string;
  id: string;
  props: Record<string, unknown>;
  sources: SourceRef[];
};

export type RelationshipRecord = {
  type: string;
  from: string;
  to: string;
  props?: Record<string, unknown>;
  sources: SourceRef[];
};

/** One data file as written: records are checked by validate(), not trusted here. */
export type DatasetFile = {
  file: string;
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
};

/** Reads every JSON file of a folder; a file that is not JSON is reported with its position. */
export function readDatasetDir(dir: string): DatasetFile[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return names.map((name) => parseDatasetFile(name, readFileSync(join(dir, name), 'utf8')));
}

export class DatasetSyntaxError extends Error {}

export function parseDatasetFile(file: string, text: string): DatasetFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DatasetSyntaxError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const body = parsed as { nodes?: unknown; relationships?: unknown };
  if (!Array.isArray(body.nodes) || !Array.isArray(body.relationships)) {
    throw new DatasetSyntaxError(`${file}: expected an object with "nodes" and "relationships" arrays`);
  }
  return {
    file,
    nodes: body.nodes as NodeRecord[],
    relationships: body.relationships as RelationshipRecord[],
  };
}

/**
 * The id of the Source node: stable, so loading twice changes nothing. An inference is its own
 * Source per reason, never the document section it was read from.
 */
export function sourceId(source: SourceRef): string {
  if (source.kind === 'INFERENCE') {
    const reason = createHash('sha256')
      .update(source.reason ?? '')
      .digest('hex')
      .slice(0, 12);
    return `inference:${source.document}#${source.section}#${reason}`;
  }
  return `source:${source.document}#${source.section}`;
}
