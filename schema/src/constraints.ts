import { AUDIT_LABELS, auditModel, NODE_LABELS, type NodeLabel, nodeModel } from './model.ts';
import { SEARCH_FIELD_NAMES, SEARCH_FIELDS } from './search-text.ts';

/** Properties that name a node, where a label has them: what search reads (search-text.ts). */
export const SEARCHABLE_PROPERTIES = [...new Set(Object.values(SEARCH_FIELDS).flat())] as readonly string[];

/**
 * The full-text index over the loader's search properties. Its analyzer splits on whitespace
 * only: the tokens are made by searchTokens, the same function the query builder uses.
 */
export const FULLTEXT_INDEX = 'search_text';
/** The index of earlier versions (standard-folding over the raw names), dropped when found. */
const FORMER_FULLTEXT_INDEX = 'named_search';

/** Labels that `search` can return: every label with a searchable property but Source. */
export const SEARCHABLE_LABELS = NODE_LABELS.filter(
  (label) => label !== 'Source' && searchablePropertiesOf(label).length > 0,
);

export function searchablePropertiesOf(label: NodeLabel): string[] {
  const properties = nodeModel[label].properties;
  return SEARCHABLE_PROPERTIES.filter((name) => Object.hasOwn(properties, name));
}

function snake(label: string): string {
  return label.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Properties worth a range index for ordering and lookups, beyond the unique ids. */
const INDEXED_PROPERTIES = ['name', 'code', 'title', 'kind', 'synthetic'] as const;

/**
 * Schema statements derived from the model. Every statement is idempotent (IF NOT EXISTS), so
 * applying them at each start is safe. Labels come only from the model, never from input.
 */
export function schemaStatements(): string[] {
  const statements: string[] = [];
  for (const label of NODE_LABELS) {
    statements.push(
      `CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    );
    const properties = nodeModel[label].properties;
    for (const property of INDEXED_PROPERTIES) {
      if (Object.hasOwn(properties, property)) {
        statements.push(
          `CREATE INDEX ${snake(label)}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
        );
      }
    }
  }
  for (const label of AUDIT_LABELS) {
    statements.push(
      `CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    );
    for (const property of auditModel[label].indexed) {
      statements.push(
        `CREATE INDEX ${snake(label)}_${snake(property)} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
      );
    }
  }
  const labels = SEARCHABLE_LABELS.join('|');
  const properties = SEARCH_FIELD_NAMES.map((property) => `n.${property}`).join(', ');
  statements.push(
    `DROP INDEX ${FORMER_FULLTEXT_INDEX} IF EXISTS`,
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${labels}) ON EACH [${properties}] ` +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
  );
  return statements;
}

/** Names of every constraint and index the statements create, to check the schema is applied. */
export function schemaObjectNames(): string[] {
  return schemaStatements().flatMap((statement) => {
    if (statement.startsWith('DROP ')) return [];
    const name = /^CREATE (?:CONSTRAINT|INDEX|FULLTEXT INDEX) (\w+)/.exec(statement)?.[1];
    if (!name) throw new Error(`Unnamed schema statement: ${statement}`);
    return name;
  });
}
