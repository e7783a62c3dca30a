import {
  type GraphQLFieldConfigMap,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkFieldReads, type PrefetchHop, readsVia, unplanned } from './reads.ts';
import { schema } from './schema.ts';

const query = new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } });

/** A schema of these types, as small as the check needs. */
function schemaOf(...types: GraphQLObjectType[]) {
  return new GraphQLSchema({ query, types });
}

function nodeType(name: string, fields: GraphQLFieldConfigMap<unknown, unknown>) {
  return new GraphQLObjectType({ name, fields });
}

describe('every field says what it reads, checked when the schema is built', () => {
  it('the served schema passes', () => {
    expect(() => checkFieldReads(schema)).not.toThrow();
  });

  it('refuses a node field that declares nothing, and says what to declare', () => {
    // The served schema, with Organisation.country's declaration taken away for the test.
    const country = (schema.getType('Organisation') as GraphQLObjectType).getFields().country;
    if (!country) throw new Error('Organisation.country is gone');
    const declared = country.extensions;
    try {
      (country as { extensions: unknown }).extensions = {};
      expect(() => checkFieldReads(schema)).toThrow(
        /Organisation\.country declares nothing it reads\. Declare what it reads in its options: .*extensions: reads\('property', \.\.\.\)/,
      );
    } finally {
      (country as { extensions: unknown }).extensions = declared;
    }
  });

  it('refuses a property the model does not have', () => {
    const cluster = nodeType('Cluster', {
      motto: { type: GraphQLString, extensions: { reads: { properties: ['motto'], hops: [] } } },
    });
    expect(() => checkFieldReads(schemaOf(cluster))).toThrow(
      'Cluster.motto reads "motto", which Cluster has not in schema/src/model.ts',
    );
  });

  it('refuses a hop the model does not have, or from another label', () => {
    const hop: PrefetchHop = {
      hop: { from: 'Cluster', type: 'MEMBER_OF', direction: 'OUT', to: 'Organisation' },
      shape: 'nodes',
    };
    const joined = { type: GraphQLString, extensions: readsVia([hop]) };
    expect(() => checkFieldReads(schemaOf(nodeType('Cluster', { joined })))).toThrow(
      'Cluster.joined: The model has no MEMBER_OF from Cluster to Organisation',
    );
    expect(() => checkFieldReads(schemaOf(nodeType('Region', { joined })))).toThrow(
      'Region.joined declares a hop from Cluster, not from Region',
    );
  });

  it('refuses an edge field reading a property its relationship does not have', () => {
    const organisation = nodeType('Organisation', {
      name: { type: GraphQLString, extensions: { reads: { properties: ['name'], hops: [] } } },
    });
    const edge = new GraphQLObjectType({
      name: 'MemberEdge',
      extensions: { readPlan: 'edge' },
      fields: {
        node: { type: organisation },
        fee: { type: GraphQLString, extensions: { reads: { properties: ['fee'], hops: [] } } },
      },
    });
    const connection = new GraphQLObjectType({
      name: 'MemberConnection',
      extensions: { readPlan: 'connection' },
      fields: { edges: { type: new GraphQLList(edge) } },
    });
    const members: PrefetchHop = {
      hop: { from: 'Cluster', type: 'MEMBER_OF', direction: 'IN', to: 'Organisation' },
      shape: 'page',
    };
    const cluster = nodeType('Cluster', { members: { type: connection, extensions: readsVia([members]) } });
    expect(() => checkFieldReads(schemaOf(cluster))).toThrow(
      'MemberEdge.fee reads "fee", which MEMBER_OF has not in schema/src/model.ts',
    );
  });

  it('refuses a plain object type that does not say how the planner treats it, and takes one that does', () => {
    const score = (extensions: Record<string, unknown>) =>
      new GraphQLObjectType({ name: 'Score', extensions, fields: { value: { type: GraphQLInt } } });
    expect(() => checkFieldReads(schemaOf(score({})))).toThrow(
      /Score is neither a node type of the model nor declares how the planner treats it: a plain result type adds `extensions: unplanned`/,
    );
    expect(() => checkFieldReads(schemaOf(score(unplanned)))).not.toThrow();
  });
});
