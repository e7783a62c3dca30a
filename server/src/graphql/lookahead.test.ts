import type { NodeLabel } from '@clustergraph/schema';
import {
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getOperationAST,
  Kind,
  parse,
  validate,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { describe, expect, it } from 'vitest';
import { listQuery } from '../db/repositories/lists.ts';
import { nodesByIdsQuery } from '../db/repositories/nodes.ts';
import type { HopPlan, NodePlan } from '../db/repositories/projection.ts';
import { planOfConnection, planOfField, propertiesOfSearchHits } from './lookahead.ts';
import { schema } from './schema.ts';

/**
 * The planner's tests, in the style of neo4j/graphql's TCK: a GraphQL document in, the plan and
 * the Cypher with its parameters out, no database. The resolve info is the one graphql-js builds
 * for the root field (validated document, coerced variables).
 */
function rootInfo(source: string, variables: Record<string, unknown> = {}): GraphQLResolveInfo {
  const document = parse(source);
  expect(validate(schema, document)).toEqual([]);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  const field = operation.selectionSet.selections[0];
  if (field?.kind !== Kind.FIELD) throw new Error('the document starts with a root field');
  const queryType = schema.getQueryType() as GraphQLObjectType;
  const definition = queryType.getFields()[field.name.value];
  if (!definition) throw new Error(`no root field ${field.name.value}`);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return {
    fieldName: field.name.value,
    fieldNodes: [field],
    returnType: definition.type,
    parentType: queryType,
    path: { prev: undefined, key: field.alias?.value ?? field.name.value, typename: 'Query' },
    schema,
    fragments,
    rootValue: undefined,
    operation,
    variableValues: coerced.coerced,
  };
}

const prefetch = { prefetch: true };

/** Parameters as a reader would write them: a driver Integer as `int(3)`. */
function readable(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      const integer = value as { toNumber?: () => number } | null;
      return [name, typeof integer?.toNumber === 'function' ? `int(${integer.toNumber()})` : value];
    }),
  );
}

/** A plan as a reader would write it down: properties sorted, hops by what they walk. */
function described(plan: NodePlan): unknown {
  return {
    properties: plan.properties === 'all' ? 'all' : [...plan.properties].sort(),
    ...(plan.related.size > 0
      ? {
          related: Object.fromEntries(
            [...plan.related.values()].map((hop) => [hopName(hop), describedHop(hop)]),
          ),
        }
      : {}),
  };
}

function hopName({ hop, window }: HopPlan): string {
  const arrow = hop.direction === 'OUT' ? `-${hop.type}->` : `<-${hop.type}-`;
  const only = hop.relEquals ? `[${hop.relEquals.property}=${hop.relEquals.value}]` : '';
  return `${hop.from}${arrow}${hop.to}${only} ${window ? `${window.offset}+${window.limit}` : 'all'}`;
}

function describedHop(hopPlan: HopPlan): unknown {
  return {
    ...(hopPlan.onlyFirst ? { onlyFirst: true } : {}),
    ...(hopPlan.count ? { count: true } : {}),
    relProperties: hopPlan.relProperties === 'all' ? 'all' : [...hopPlan.relProperties].sort(),
    node: described(hopPlan.node),
  };
}

/** The root list's plan and statement, as resolveRootList runs it for a name-ordered page. */
function rootList(source: string, label: NodeLabel, variables: Record<string, unknown> = {}) {
  const plan = planOfConnection(prefetch, rootInfo(source, variables), label);
  const query = listQuery(
    { label, filter: {}, order: { property: 'name', direction: 'ASC' }, offset: 0, limit: 3 },
    plan,
  );
  return { plan: described(plan), cypher: query.cypher.split('\n').at(-1), params: readable(query.params) };
}

describe('the read planner', () => {
  it('a computed field named like a property reads what it declares (country: its property and the regions)', () => {
    expect(
      rootList('{ organisations(first: 3) { edges { node { country } } } }', 'Organisation'),
    ).toMatchInlineSnapshot(`
        {
          "cypher": "RETURN size(matched) AS total, [n IN matched[$offset..$offset + $limit] | n {.country, __related: {h0: {items: COLLECT { MATCH (n)-[r1:LOCATED_IN]->(n1:Region) WITH r1, n1 ORDER BY n1.name, n1.id RETURN n1 {.code} }}}}] AS page, [] AS unknownRegionCodes, [] AS unknownSectorCodes",
          "params": {
            "limit": "int(3)",
            "offset": "int(0)",
          },
          "plan": {
            "properties": [
              "country",
            ],
            "related": {
              "Organisation-LOCATED_IN->Region all": {
                "node": {
                  "properties": [
                    "code",
                  ],
                },
                "relProperties": [],
              },
            },
          },
        }
      `);
  });

  it('region reads the codes it compares, locatedIn every claim whole, providers only the id it batches by', () => {
    const { plan } = rootList(
      `{ sectors(first: 3) { edges { node {
        clusters { region { name } locatedIn { region { code } } }
        valueChain { providers(first: 2) { totalCount edges { via node { name } } } }
      } } } }`,
      'Sector',
    );
    expect(plan).toMatchInlineSnapshot(`
      {
        "properties": [],
        "related": {
          "Sector-HAS_STAGE->ValueChainStage all": {
            "node": {
              "properties": [
                "id",
              ],
            },
            "relProperties": [],
          },
          "Sector<-ACTIVE_IN-Cluster all": {
            "node": {
              "properties": [],
              "related": {
                "Cluster-LOCATED_IN->Region all": {
                  "node": {
                    "properties": "all",
                  },
                  "relProperties": "all",
                },
              },
            },
            "relProperties": [],
          },
        },
      }
    `);
  });

  it('fragments, inline fragments on an interface and aliases: each page of a hop is its own', () => {
    const source = `query Page($after: String) {
      clusters(first: 3) { edges { node { ...Card ... on Node { id } } } }
    }
    fragment Card on Cluster {
      name
      top: members(first: 2) { edges { role node { name } } }
      next: members(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { acronym } } }
      managedBy { ... on Organisation { website } }
    }`;
    expect(
      rootList(source, 'Cluster', { after: Buffer.from('offset:1').toString('base64url') }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "RETURN size(matched) AS total, [n IN matched[$offset..$offset + $limit] | n {.name, .id, __related: {h0: {items: COLLECT { MATCH (n)<-[r1:MEMBER_OF]-(n1:Organisation) WITH r1, n1 ORDER BY n1.name, n1.id LIMIT $prefetch2 RETURN {rel: r1 {.role}, node: n1 {.name}} }}, h1: {items: COLLECT { MATCH (n)<-[r1:MEMBER_OF]-(n1:Organisation) WITH r1, n1 ORDER BY n1.name, n1.id SKIP $prefetch3 LIMIT $prefetch4 RETURN n1 {.acronym} }, total: COUNT { MATCH (n)<-[r1:MEMBER_OF]-(n1:Organisation) }}, h2: {items: COLLECT { MATCH (n)<-[r1:MANAGES]-(n1:Organisation) WITH r1, n1 ORDER BY n1.name, n1.id LIMIT $prefetch5 RETURN n1 {.website} }}}}] AS page, [] AS unknownRegionCodes, [] AS unknownSectorCodes",
        "params": {
          "limit": "int(3)",
          "offset": "int(0)",
          "prefetch2": "int(2)",
          "prefetch3": "int(2)",
          "prefetch4": "int(2)",
          "prefetch5": "int(1)",
        },
        "plan": {
          "properties": [
            "id",
            "name",
          ],
          "related": {
            "Cluster<-MANAGES-Organisation all": {
              "node": {
                "properties": [
                  "website",
                ],
              },
              "onlyFirst": true,
              "relProperties": [],
            },
            "Cluster<-MEMBER_OF-Organisation 0+2": {
              "node": {
                "properties": [
                  "name",
                ],
              },
              "relProperties": [
                "role",
              ],
            },
            "Cluster<-MEMBER_OF-Organisation 2+2": {
              "count": true,
              "node": {
                "properties": [
                  "acronym",
                ],
              },
              "relProperties": [],
            },
          },
        },
      }
    `);
  });

  it('@skip and @include take their variables: a skipped field is not read', () => {
    const source = `query Flags($skip: Boolean!, $include: Boolean!) {
      clusters(first: 3) { edges { node { name sectors @skip(if: $skip) { code } website @include(if: $include) } } }
    }`;
    expect(rootList(source, 'Cluster', { skip: true, include: false }).plan).toMatchInlineSnapshot(`
      {
        "properties": [
          "name",
        ],
      }
    `);
    expect(rootList(source, 'Cluster', { skip: false, include: true }).plan).toMatchInlineSnapshot(`
      {
        "properties": [
          "name",
          "website",
        ],
        "related": {
          "Cluster-ACTIVE_IN->Sector all": {
            "node": {
              "properties": [
                "code",
              ],
            },
            "relProperties": [],
          },
        },
      }
    `);
  });

  it('node(id) plans for the label asked, through nested pages, with the id it matches by', () => {
    const info = rootInfo(`{ node(id: "UHJvamVjdDpwOjE") {
      ... on Project {
        code
        coordinator { name }
        participants(first: 3) { totalCount edges { contribution node { name clusters { acronym } } } }
        programme { projects(first: 1) { edges { node { title } } } }
      }
      ... on Cluster { acronym }
    } }`);
    const plan = planOfField(prefetch, info, 'Project');
    const { cypher, params } = nodesByIdsQuery('Project', ['p:1'], plan);
    expect({ plan: described(plan), cypher, params: readable(params) }).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Project) WHERE n.id IN $ids RETURN n {.code, .id, __related: {h0: {items: COLLECT { MATCH (n)<-[r1:PARTICIPATES_IN]-(n1:Organisation) WHERE r1.role = $prefetch1 WITH r1, n1 ORDER BY n1.name, n1.id LIMIT $prefetch2 RETURN n1 {.name} }}, h1: {items: COLLECT { MATCH (n)<-[r1:PARTICIPATES_IN]-(n1:Organisation) WITH r1, n1 ORDER BY n1.name, n1.id LIMIT $prefetch3 RETURN {rel: r1 {.contribution}, node: n1 {.name, __related: {h0: {items: COLLECT { MATCH (n1)-[r2:MEMBER_OF]->(n2:Cluster) WITH r2, n2 ORDER BY n2.name, n2.id RETURN n2 {.acronym} }}}}} }, total: COUNT { MATCH (n)<-[r1:PARTICIPATES_IN]-(n1:Organisation) }}, h2: {items: COLLECT { MATCH (n)-[r1:FUNDED_BY]->(n1:Programme) WITH r1, n1 ORDER BY n1.name, n1.id LIMIT $prefetch4 RETURN n1 {__related: {h0: {items: COLLECT { MATCH (n1)<-[r2:FUNDED_BY]-(n2:Project) WITH r2, n2 ORDER BY n2.title, n2.id LIMIT $prefetch5 RETURN n2 {.title} }}}} }}}} AS node",
        "params": {
          "ids": [
            "p:1",
          ],
          "prefetch1": "COORDINATOR",
          "prefetch2": "int(1)",
          "prefetch3": "int(3)",
          "prefetch4": "int(1)",
          "prefetch5": "int(1)",
        },
        "plan": {
          "properties": [
            "code",
          ],
          "related": {
            "Project-FUNDED_BY->Programme all": {
              "node": {
                "properties": [],
                "related": {
                  "Programme<-FUNDED_BY-Project 0+1": {
                    "node": {
                      "properties": [
                        "title",
                      ],
                    },
                    "relProperties": [],
                  },
                },
              },
              "onlyFirst": true,
              "relProperties": [],
            },
            "Project<-PARTICIPATES_IN-Organisation 0+3": {
              "count": true,
              "node": {
                "properties": [
                  "name",
                ],
                "related": {
                  "Organisation-MEMBER_OF->Cluster all": {
                    "node": {
                      "properties": [
                        "acronym",
                      ],
                    },
                    "relProperties": [],
                  },
                },
              },
              "relProperties": [
                "contribution",
              ],
            },
            "Project<-PARTICIPATES_IN-Organisation[role=COORDINATOR] all": {
              "node": {
                "properties": [
                  "name",
                ],
              },
              "onlyFirst": true,
              "relProperties": [],
            },
          },
        },
      }
    `);
    expect(described(planOfField(prefetch, info, 'Cluster'))).toEqual({ properties: ['acronym'] });
  });

  it('a page whose arguments are out of range is not planned: its resolver batches it and names the argument', () => {
    const { plan } = rootList(
      '{ clusters(first: 3) { edges { node { members(first: 500) { totalCount } } } } }',
      'Cluster',
    );
    expect(plan).toEqual({ properties: ['id'] });
  });

  it('a search plans the properties its hits read of every label asked', () => {
    const info = rootInfo(
      `{ search(query: "iasi") { name node { id ... on Cluster { acronym region { code } } } } }`,
    );
    expect(
      [...(propertiesOfSearchHits(prefetch, info, ['Cluster', 'Region']) as Set<string>)].sort(),
    ).toEqual(['acronym', 'id']);
  });

  it('with prefetch off every node is read whole and nothing is prefetched', () => {
    const info = rootInfo('{ organisations(first: 3) { edges { node { country } } } }');
    expect(described(planOfConnection({ prefetch: false }, info, 'Organisation'))).toEqual({
      properties: 'all',
    });
  });
});
