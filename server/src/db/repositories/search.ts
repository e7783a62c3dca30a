import {
  FULLTEXT_INDEX,
  foldText,
  INDEX_STOP_WORDS,
  type NodeLabel,
  type NodeRow,
  SEARCHABLE_LABELS,
} from '@clustergraph/schema';
import { cypherInt, type Database } from '../database.ts';
import { toRow } from './nodes.ts';

/**
 * Turns what a person typed into a Lucene query over the folded full-text index: every word
 * must match, as a whole word (ranked higher) or as a prefix. Folding here matters because
 * Lucene does not analyse wildcard terms. Returns null when nothing searchable is left.
 */
export function luceneQuery(text: string): string | null {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !INDEX_STOP_WORDS.has(word));
  if (words.length === 0) return null;
  return words.map((word) => `(${word}^3 OR ${word}*)`).join(' AND ');
}

export type SearchHit = { label: NodeLabel; score: number; node: NodeRow };

type Fetched = { labels: string[]; score: number; node: Record<string, unknown> };

export async function searchNodes(
  db: Database,
  text: string,
  labels: readonly NodeLabel[],
  limit: number,
  synthetic: boolean | null,
  properties: ReadonlySet<string> | 'all' = 'all',
): Promise<SearchHit[]> {
  const lucene = luceneQuery(text);
  if (lucene === null) return [];
  // Whatever its label, a hit is named by one of these (SearchHit.name).
  const projection =
    properties === 'all'
      ? 'node {.*}'
      : `node {${[...new Set(['id', 'name', 'title', 'text', 'code', ...properties])].map((p) => `.${p}`).join(', ')}}`;
  // The index covers exactly the searchable labels: asking for all of them needs no filter.
  const labelFilter = SEARCHABLE_LABELS.every((label) => labels.includes(label))
    ? ''
    : 'any(label IN labels(node) WHERE label IN $labels) AND ';
  const rows = await db.read<Fetched>(
    `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
WHERE ${labelFilter}($synthetic IS NULL OR node.synthetic = $synthetic)
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
RETURN labels(node) AS labels, score, ${projection} AS node`,
    { index: FULLTEXT_INDEX, lucene, labels: [...labels], limit: cypherInt(limit), synthetic },
  );
  return rows.map((row) => {
    const label = row.labels.find((candidate) => labels.includes(candidate as NodeLabel)) as NodeLabel;
    return { label, score: row.score, node: toRow(label, row.node) };
  });
}
