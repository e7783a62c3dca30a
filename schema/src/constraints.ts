import { NODE_LABELS, type NodeLabel, nodeModel } from './model.ts';

/** Properties the full-text index covers, where a label has them. */
export const SEARCHABLE_PROPERTIES = [
  'name',
  'nameLocal',
  'acronym',
  'title',
  'titleLocal',
  'text',
  'code',
] as const;

export const FULLTEXT_INDEX = 'named_search';

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
  const labels = SEARCHABLE_LABELS.join('|');
  const properties = SEARCHABLE_PROPERTIES.map((property) => `n.${property}`).join(', ');
  statements.push(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${labels}) ON EACH [${properties}] ` +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
  );
  return statements;
}

/** Names of every constraint and index the statements create, to check the schema is applied. */
export function schemaObjectNames(): string[] {
  return schemaStatements().map((statement) => {
    const name = /^CREATE (?:CONSTRAINT|INDEX|FULLTEXT INDEX) (\w+)/.exec(statement)?.[1];
    if (!name) throw new Error(`Unnamed schema statement: ${statement}`);
    return name;
  });
}
