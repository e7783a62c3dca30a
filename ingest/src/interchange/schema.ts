import {
  isOptional,
  type NodeLabel,
  nodeModel,
  type PropertyType,
  type RelationshipType,
  relationshipModel,
} from '@clustergraph/schema';
import { IMPORTED_TYPES } from '../imports/state.ts';

/**
 * The clustergraph interchange format: what every source maps into and what `pnpm run export`
 * writes. One JSON document, `{ format, version, nodes, relationships }`; a node is
 * `{ label, id, props }`, a relationship `{ type, from, to, props }` between node ids (of the
 * document or of the graph). Props are the model's, without what the loader sets (id, synthetic,
 * origin) or provenance (sources, rows, importId: an import is its own provenance).
 */
export const INTERCHANGE_FORMAT = 'clustergraph-interchange';
export const INTERCHANGE_VERSION = 1;

/** Labels and relationship types the format carries: what imports state, and the clusters. */
export const INTERCHANGE_LABELS = [
  'Organisation',
  'Cluster',
  'Project',
  'Programme',
  'Region',
] as const satisfies NodeLabel[];
export type InterchangeLabel = (typeof INTERCHANGE_LABELS)[number];
export const INTERCHANGE_TYPES = IMPORTED_TYPES;

export type InterchangeNode = { label: InterchangeLabel; id: string; props: Record<string, unknown> };
export type InterchangeRelationship = {
  type: (typeof INTERCHANGE_TYPES)[number];
  from: string;
  to: string;
  props: Record<string, unknown>;
};
export type InterchangeDocument = {
  format: typeof INTERCHANGE_FORMAT;
  version: typeof INTERCHANGE_VERSION;
  /** What the document holds, in words (the export says which graph or cluster). */
  description?: string;
  nodes: InterchangeNode[];
  relationships: InterchangeRelationship[];
};

const SET_BY_LOADER = new Set(['id', 'synthetic', 'origin', 'version']);
const PROVENANCE = new Set(['sources', 'origin', 'importId', 'rows', 'version']);

/** The properties a document gives a node of a label (the model's, but what the loader sets). */
export function nodePropertyNames(label: NodeLabel): string[] {
  return Object.keys(nodeModel[label].properties).filter((name) => !SET_BY_LOADER.has(name));
}

export function relationshipPropertyNames(type: RelationshipType): string[] {
  return Object.keys(relationshipModel[type].properties).filter((name) => !PROVENANCE.has(name));
}

function propertySchema(type: PropertyType): Record<string, unknown> {
  switch (type) {
    case 'string':
    case 'string?':
      return { type: 'string' };
    case 'string[]':
      return { type: 'array', items: { type: 'string' } };
    case 'int':
    case 'int?':
      return { type: 'integer' };
    case 'int[]':
      return { type: 'array', items: { type: 'integer' } };
    case 'float?':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date?':
      return {
        type: 'string',
        pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
        description: 'YYYY, YYYY-MM or YYYY-MM-DD',
      };
    case 'json[]':
      return {
        type: 'array',
        items: { type: 'string', description: 'a JSON object, as text (as the graph stores it)' },
      };
  }
}

function propsSchema(shape: Readonly<Record<string, PropertyType>>, names: readonly string[]) {
  return {
    type: 'object',
    additionalProperties: false,
    // Lists may be left out (they read as empty); other properties without `?` are required.
    required: names.filter((name) => {
      const type = shape[name] as PropertyType;
      return !isOptional(type) && !type.endsWith('[]');
    }),
    properties: Object.fromEntries(names.map((name) => [name, propertySchema(shape[name] as PropertyType)])),
  };
}

/** The JSON Schema (draft 2020-12) of the format, derived from the graph model. */
export function interchangeJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://clustergraph.example/schemas/interchange-v1.json',
    title: 'clustergraph interchange format, version 1',
    description:
      'Nodes and relationships of the clustergraph model, as `pnpm run import json` reads and `pnpm run export` writes them. Relationships name nodes by id, of the document or already in the graph. Written from schema/src/model.ts by ingest/src/interchange/schema.ts.',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'version', 'nodes', 'relationships'],
    properties: {
      format: { const: INTERCHANGE_FORMAT },
      version: { const: INTERCHANGE_VERSION },
      description: { type: 'string' },
      nodes: { type: 'array', items: { $ref: '#/$defs/node' } },
      relationships: { type: 'array', items: { $ref: '#/$defs/relationship' } },
    },
    $defs: {
      node: {
        type: 'object',
        required: ['label', 'id', 'props'],
        properties: {
          label: { enum: INTERCHANGE_LABELS },
          id: { type: 'string', minLength: 1 },
          props: { type: 'object' },
        },
        allOf: INTERCHANGE_LABELS.map((label) => ({
          if: { properties: { label: { const: label } } },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
          then: {
            properties: {
              props: propsSchema(nodeModel[label].properties, nodePropertyNames(label)),
            },
          },
        })),
      },
      relationship: {
        type: 'object',
        required: ['type', 'from', 'to'],
        properties: {
          type: { enum: INTERCHANGE_TYPES },
          from: { type: 'string', minLength: 1 },
          to: { type: 'string', minLength: 1 },
          props: { type: 'object' },
        },
        allOf: INTERCHANGE_TYPES.map((type) => ({
          if: { properties: { type: { const: type } } },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
          then: {
            properties: {
              props: propsSchema(relationshipModel[type].properties, relationshipPropertyNames(type)),
            },
          },
        })),
      },
    },
  };
}
