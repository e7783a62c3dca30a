import {
  FULLTEXT_INDEX,
  type NodeLabel,
  type NodeRow,
  SEARCHABLE_LABELS,
  type SearchField,
  type SearchWord,
  searchWords,
} from '@clustergraph/schema';
import { cypherInt, type Database } from '../database.ts';
import { toRow } from './nodes.ts';

/** Bounds of a search text: beyond them it is refused as bad input, never sent to Lucene. */
export const SEARCH_LIMITS = { characters: 300, words: 24 } as const;

/** Why a search text cannot be searched, or null when it can. */
export function searchTextProblem(text: string): string | null {
  if (text.length > SEARCH_LIMITS.characters) {
    return `must be at most ${SEARCH_LIMITS.characters} characters, got ${text.length}`;
  }
  const words = searchWords(text).length;
  if (words > SEARCH_LIMITS.words) return `must be at most ${SEARCH_LIMITS.words} words, got ${words}`;
  return null;
}

export class SearchTextError extends Error {}

/**
 * How much a match in each search property weighs: a word of the name counts most, a word of
 * a local name, acronym or other spelling less, a word of a sector the node is active in least.
 * A whole word outweighs a prefix.
 */
const FIELD_BOOSTS: Readonly<Record<SearchField, { whole: number; prefix: number }>> = {
  searchName: { whole: 8, prefix: 4 },
  searchAlso: { whole: 4, prefix: 2 },
  searchSectors: { whole: 1, prefix: 0.5 },
};
const FIELDS = Object.entries(FIELD_BOOSTS) as [SearchField, { whole: number; prefix: number }][];

/** Lucene's query syntax characters, escaped so a token is only ever a term. */
function escapeLucene(term: string): string {
  return term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}

/** A token in any search property, as a whole word or as a prefix. */
function termClause(token: string): string {
  const term = escapeLucene(token);
  return FIELDS.map(
    ([field, boost]) => `${field}:${term}^${boost.whole} OR ${field}:${term}*^${boost.prefix}`,
  ).join(' OR ');
}

/** A typed word: its joined form ("trec", "2.1", "nordest"), or all its parts ("nord" and "est"). */
function wordClause(word: SearchWord): string {
  const joined = termClause(word.joined);
  if (word.parts.length === 0) return `(${joined})`;
  return `(${joined} OR (${word.parts.map((part) => `(${termClause(part)})`).join(' AND ')}))`;
}

/**
 * Turns what a person typed into a Lucene query over the search properties: every word must
 * match. Words come from searchWords, the tokenizer the loader wrote the index with, so both
 * agree; no Lucene syntax reaches the index from the user. Returns null when no word is left,
 * throws SearchTextError beyond SEARCH_LIMITS (callers check searchTextProblem first).
 */
export function luceneQuery(text: string): string | null {
  const problem = searchTextProblem(text);
  if (problem) throw new SearchTextError(problem);
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map(wordClause).join(' AND ');
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
