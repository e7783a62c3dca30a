/**
 * The clustergraph graph model: the one description of what may exist in Neo4j.
 * Constraints, indexes, the seed validator and the GraphQL layer are all derived from it,
 * and Cypher takes labels and relationship types only from these constants.
 */

/** Property shapes. A trailing `?` marks an optional property. */
export type PropertyType =
  | 'string'
  | 'string?'
  | 'string[]'
  | 'int'
  | 'int[]'
  | 'int?'
  | 'float?'
  | 'boolean'
  | 'date?'
  | 'json[]';

export type PropertyShape = Readonly<Record<string, PropertyType>>;

/**
 * Where a node or relationship comes from, strongest first: CURATED (stated by a document of
 * seed/data), IMPORTED (stated by a named import, see Import), SYNTHETIC (generated). A node
 * stated by several takes the strongest; `synthetic` is `origin = SYNTHETIC`, kept as a filter.
 */
export const ORIGINS = ['CURATED', 'IMPORTED', 'SYNTHETIC'] as const;
export type Origin = (typeof ORIGINS)[number];

/**
 * Every node carries `id` (unique per label, stable across loads), `synthetic` and `origin`, and
 * `version`: how many times the API's mutations changed it (absent = 0), which an edit must name
 * (optimistic concurrency). Loaders keep it, data files may not set it.
 */
const base = {
  id: 'string',
  synthetic: 'boolean',
  origin: 'string',
  version: 'int?',
} as const satisfies PropertyShape;

export const ORGANISATION_KINDS = [
  'SME',
  'LARGE_COMPANY',
  'UNIVERSITY',
  'RESEARCH_INSTITUTE',
  'PUBLIC_AUTHORITY',
  'DEVELOPMENT_AGENCY',
  'CHAMBER',
  'BUSINESS_SUPPORT',
  'CLUSTER_ORGANISATION',
  'NGO',
  /** A company whose size its source does not say (Horizon 2020's activity type PRC). */
  'COMPANY',
  'OTHER',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PILOT_ACTION_LEVELS = ['SME', 'POLICY'] as const;
export const NEED_KINDS = ['GAP', 'NEED', 'OPPORTUNITY'] as const;
export const STAGE_KINDS = ['PRIMARY', 'SUPPORT'] as const;
export const PARTNERSHIP_KINDS = ['PROTOCOL', 'NETWORK', 'REGIONAL_LAB', 'CONSORTIUM'] as const;
/**
 * What a Source is. DOCUMENT: the section of the document states the fact in its own words.
 * INFERENCE: the curators' reading of the document (a region, an exact name, a programme taken
 * from context); it names the document it was read from and carries the `reason`.
 * IMPORT: a named import (see Import); `document` is its file, `section` its stream.
 * SYNTHETIC: the generator, one Source per tier.
 * STATEMENT: an editor's own statement through the API (`author`, `note`), no document behind it.
 */
export const SOURCE_KINDS = ['DOCUMENT', 'INFERENCE', 'IMPORT', 'SYNTHETIC', 'STATEMENT'] as const;
/** Kinds a curated data file may give its sources. */
export const CURATED_SOURCE_KINDS = ['DOCUMENT', 'INFERENCE'] as const satisfies readonly SourceKind[];
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const nodeModel = {
  Organisation: {
    description:
      'A legal entity of the ecosystem: company, university, research institute, public body, agency, chamber or support organisation.',
    properties: {
      ...base,
      name: 'string',
      nameLocal: 'string?',
      acronym: 'string?',
      /** Other names the documents write for it ("ADRNORDEST"), searched like its acronym. */
      aliases: 'string[]',
      kind: 'string',
      country: 'string?',
      /** The EU participant identification code (CORDIS organisationID / pic). */
      pic: 'string?',
      vat: 'string?',
      /** The national trade-register number (Romania: J22/1234/2005), as a member list gives it. */
      registryNumber: 'string?',
      /** The town of its seat, as a member list gives it (the region is its LOCATED_IN). */
      city: 'string?',
      /** CORDIS activity type as published: PRC, HES, REC, PUB, OTH. */
      activityType: 'string?',
      website: 'string?',
      size: 'string?',
      naceCodes: 'string[]',
      capabilities: 'string[]',
      description: 'string?',
    },
  },
  Cluster: {
    description: 'A cluster initiative: members around a sector, usually run by a cluster organisation.',
    properties: {
      ...base,
      name: 'string',
      nameLocal: 'string?',
      acronym: 'string?',
      aliases: 'string[]',
      declaredMemberCount: 'int?',
      /** The date the declared count is valid at ("at 31.12.2019"). */
      declaredMemberCountOn: 'date?',
      foundedOn: 'date?',
      website: 'string?',
      description: 'string?',
      /** JSON objects {level, awardedOn?, validUntil?, issuer?, source}: excellence labels held. */
      labels: 'json[]',
    },
  },
  Region: {
    description: 'A NUTS territory (country, NUTS 1, 2 or 3) or a named region outside NUTS.',
    properties: { ...base, code: 'string', name: 'string', nameLocal: 'string?', level: 'int' },
  },
  Sector: {
    description: 'An economic sector with its value chain.',
    properties: { ...base, code: 'string', name: 'string', nameLocal: 'string?', naceCodes: 'string[]' },
  },
  ValueChainStage: {
    description: 'One stage of a value chain, or a support function every chain needs.',
    properties: { ...base, name: 'string', kind: 'string', naceCodes: 'string[]', description: 'string?' },
  },
  Project: {
    description: 'A funded project.',
    properties: {
      ...base,
      code: 'string',
      /** CORDIS record number, the key of the Horizon 2020 participation file. */
      rcn: 'string?',
      acronym: 'string?',
      title: 'string',
      titleLocal: 'string?',
      startDate: 'date?',
      endDate: 'date?',
      budgetAmount: 'float?',
      budgetCurrency: 'string?',
      director: 'string?',
      domain: 'string?',
      objectives: 'string[]',
      results: 'string[]',
    },
  },
  Programme: {
    description: 'A funding programme or sub-programme.',
    properties: {
      ...base,
      name: 'string',
      nameLocal: 'string?',
      acronym: 'string?',
      aliases: 'string[]',
      description: 'string?',
    },
  },
  PilotAction: {
    description: 'A pilot action proposed to close gaps of a regional innovation system.',
    properties: {
      ...base,
      title: 'string',
      level: 'string',
      description: 'string?',
      objectives: 'string[]',
      budgetAmount: 'float?',
      budgetCurrency: 'string?',
      startDate: 'date?',
      endDate: 'date?',
    },
  },
  Need: {
    description: 'A gap, need or opportunity found in a regional innovation system.',
    properties: { ...base, text: 'string', kind: 'string' },
  },
  GoodPractice: {
    description: 'A practice selected as good and transferable.',
    properties: {
      ...base,
      name: 'string',
      description: 'string?',
      serviceType: 'string?',
      /** JSON objects {attribute, score?|value}: evaluation on the project's attributes. */
      evaluation: 'json[]',
    },
  },
  Partnership: {
    description: 'A partnership, network, protocol or regional lab joining organisations.',
    properties: {
      ...base,
      name: 'string',
      nameLocal: 'string?',
      kind: 'string',
      signedOn: 'date?',
      objectives: 'string[]',
      /** The policy areas it acts in. */
      actionAreas: 'string[]',
      /** The concrete actions the partners undertake, apart from the areas. */
      specificActions: 'string[]',
      /**
       * JSON objects {kind, name, count?}: the kinds of bodies that take part where the document
       * names kinds rather than members; `kind` an ORGANISATION_KINDS value, `name` the words.
       */
      memberKinds: 'json[]',
    },
  },
  Source: {
    description:
      'Where a fact comes from: a document and a section of it, stated there (DOCUMENT) or read from it by the curators (INFERENCE, with the reason).',
    properties: {
      ...base,
      document: 'string',
      section: 'string',
      kind: 'string',
      reason: 'string?',
      /** A STATEMENT's editor (their name) and what they state. */
      author: 'string?',
      note: 'string?',
    },
  },
  Import: {
    description:
      'One run of an importer: who ran it, when, on which file (name and SHA-256), what it created, updated, left alone, removed and refused. Facts it wrote link to it by `importId`.',
    properties: {
      ...base,
      /** What the import keeps up to date: a newer file of the same stream replaces what the older one stated. */
      stream: 'string',
      importer: 'string',
      file: 'string',
      checksum: 'string',
      importedAt: 'string',
      importedBy: 'string',
      rows: 'int',
      created: 'int',
      updated: 'int',
      unchanged: 'int',
      removed: 'int',
      refused: 'int',
      partial: 'boolean',
      /** WRITING while its batches go in, DONE, or UNDONE. */
      state: 'string',
      undoneAt: 'string?',
    },
  },
} as const satisfies Record<string, { description: string; properties: PropertyShape }>;

export type NodeLabel = keyof typeof nodeModel;
export const NODE_LABELS = Object.keys(nodeModel) as NodeLabel[];

/** Labels that carry provenance: everything but Source itself and the Import records. */
export const SOURCED_LABELS = NODE_LABELS.filter((label) => label !== 'Source' && label !== 'Import');

/**
 * Relationship properties every relationship may carry: the ids of the Sources stating it, its
 * origin, and for an imported one the Import that last wrote it and the file's lines stating it.
 */
const provenance = {
  sources: 'string[]',
  origin: 'string?',
  importId: 'string?',
  rows: 'int[]',
} as const satisfies PropertyShape;

type Ends = ReadonlyArray<readonly [NodeLabel, NodeLabel]>;

export const relationshipModel = {
  MEMBER_OF: {
    description: 'An organisation is a member of a cluster.',
    ends: [['Organisation', 'Cluster']],
    /** `version`: how many times the API's mutations changed the membership (absent = 0). */
    properties: { ...provenance, since: 'date?', role: 'string?', version: 'int?' },
  },
  MANAGES: {
    description: 'An organisation manages (is the legal entity of) a cluster.',
    ends: [['Organisation', 'Cluster']],
    properties: provenance,
  },
  LOCATED_IN: {
    description: 'Where something is. Disagreeing sources give several LOCATED_IN, each with its source.',
    ends: [
      ['Organisation', 'Region'],
      ['Cluster', 'Region'],
      ['Need', 'Region'],
      ['Partnership', 'Region'],
      ['PilotAction', 'Region'],
    ],
    properties: provenance,
  },
  PART_OF: {
    description:
      'Containment: region hierarchy, an organisation inside its parent body, a pilot action inside its project.',
    ends: [
      ['Region', 'Region'],
      ['Organisation', 'Organisation'],
      ['PilotAction', 'Project'],
    ],
    properties: provenance,
  },
  ACTIVE_IN: {
    description: 'Active in a sector.',
    ends: [
      ['Organisation', 'Sector'],
      ['Cluster', 'Sector'],
      ['Project', 'Sector'],
    ],
    properties: provenance,
  },
  HAS_STAGE: {
    description: 'A sector’s value chain stage, in order.',
    ends: [['Sector', 'ValueChainStage']],
    properties: { ...provenance, position: 'int' },
  },
  PROVIDES: {
    description: 'An organisation provides a value-chain stage.',
    ends: [['Organisation', 'ValueChainStage']],
    properties: provenance,
  },
  PARTICIPATES_IN: {
    description: 'Takes part in a project (role COORDINATOR, PARTNER, ...).',
    ends: [
      ['Organisation', 'Project'],
      ['Cluster', 'Project'],
    ],
    properties: { ...provenance, role: 'string?', contribution: 'float?' },
  },
  FUNDED_BY: {
    description: 'Funded by a programme.',
    ends: [
      ['Project', 'Programme'],
      ['PilotAction', 'Programme'],
    ],
    properties: provenance,
  },
  SUBPROGRAMME_OF: {
    description: 'A programme inside a larger one.',
    ends: [['Programme', 'Programme']],
    properties: provenance,
  },
  PROPOSES: {
    description: 'An organisation proposes a pilot action.',
    ends: [['Organisation', 'PilotAction']],
    properties: provenance,
  },
  ADDRESSES: {
    description: 'A pilot action addresses a need.',
    ends: [['PilotAction', 'Need']],
    properties: provenance,
  },
  IDENTIFIED_IN: {
    description: 'A need found by a regional lab, a practice selected by a project.',
    ends: [
      ['Need', 'Partnership'],
      ['GoodPractice', 'Project'],
      ['Need', 'Project'],
      ['Need', 'Cluster'],
    ],
    properties: provenance,
  },
  TESTS: {
    description: 'An organisation tests (transfers) a good practice.',
    ends: [['Organisation', 'GoodPractice']],
    properties: { ...provenance, how: 'string?' },
  },
  ORIGINATES_FROM: {
    description: 'A good practice comes from an organisation.',
    ends: [['GoodPractice', 'Organisation']],
    properties: provenance,
  },
  PARTNER_IN: {
    description: 'A partner of a partnership, network or regional lab.',
    ends: [
      ['Organisation', 'Partnership'],
      ['Cluster', 'Partnership'],
    ],
    properties: { ...provenance, role: 'string?' },
  },
  SOURCED_FROM: {
    description:
      'Provenance: the source stating a node. From an import, it keeps what that source states (`stated`, JSON), the lines stating it and the Import that wrote it.',
    ends: SOURCED_LABELS.map((label) => [label, 'Source'] as const),
    properties: { stated: 'string?', rows: 'int[]', importId: 'string?', importedAt: 'string?' },
  },
  RECORDS: {
    description: 'An import run wrote facts of the source it keeps up to date.',
    ends: [['Import', 'Source']],
    properties: {},
  },
} as const satisfies Record<string, { description: string; ends: Ends; properties: PropertyShape }>;

export type RelationshipType = keyof typeof relationshipModel;
export const RELATIONSHIP_TYPES = Object.keys(relationshipModel) as RelationshipType[];

export function isNodeLabel(value: string): value is NodeLabel {
  return Object.hasOwn(nodeModel, value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(relationshipModel, value);
}

export function allowsEnds(type: RelationshipType, from: NodeLabel, to: NodeLabel): boolean {
  const ends: Ends = relationshipModel[type].ends;
  return ends.some(([a, b]) => a === from && b === to);
}

export function isOptional(type: PropertyType): boolean {
  return type.endsWith('?') || type.endsWith('[]');
}

/**
 * The audit log: who changed what, when, through which mutation or import. Kept apart from
 * `nodeModel` on purpose: a Change is not a fact of the ecosystem (no provenance, no origin, never
 * in a dataset file, not drawn on the network views), yet its constraints and indexes are derived
 * from here like the model's (constraints.ts). `indexed` lists the properties read by lookups:
 * the history of a node is one index seek on ChangeEntry.nodeId / from / to, which outlives the
 * node itself.
 */
export const auditModel = {
  Change: {
    description:
      'One recorded write: a mutation, an import run, an undo or a revert, with who made it and when.',
    properties: {
      id: 'string',
      /** A Neo4j DATETIME (the transaction's clock), read back as ISO 8601. */
      at: 'string',
      actorId: 'string',
      actorName: 'string',
      /** The mutation's name (`updateOrganisation`), `import`, `undoImport` or `revertChange`. */
      operation: 'string',
      importId: 'string?',
      note: 'string?',
      entryCount: 'int',
      /** JSON object: what an import run did ({file, stream, nodes: counts, relationships: counts}). */
      summary: 'string?',
      /** The Change this one reverts, and the one that reverted this one. */
      revertOf: 'string?',
      revertedBy: 'string?',
    },
    indexed: ['at', 'actorId', 'importId', 'revertOf'],
  },
  ChangeEntry: {
    description:
      'One changed node or relationship of a Change: before and after of each changed property (JSON), null before for a creation, null after for a deletion.',
    properties: {
      id: 'string',
      changeId: 'string',
      position: 'int',
      /** `node` or `relationship`. */
      kind: 'string',
      /** For a node: its label and id. */
      label: 'string?',
      nodeId: 'string?',
      /** For a relationship: its type and the ids of its ends. */
      type: 'string?',
      from: 'string?',
      to: 'string?',
      before: 'string?',
      after: 'string?',
    },
    indexed: ['changeId', 'nodeId', 'from', 'to'],
  },
  DatasetRevision: {
    description:
      'The one node (id `dataset`) that says when a seed or an import last wrote: the server keys its cached analyses on it, beside the counts.',
    properties: {
      id: 'string',
      /** Epoch milliseconds of the latest committed write of a seed or an import. */
      revisedAt: 'int',
    },
    indexed: [],
  },
} as const satisfies Record<
  string,
  { description: string; properties: PropertyShape; indexed: readonly string[] }
>;

export type AuditLabel = keyof typeof auditModel;
export const AUDIT_LABELS = Object.keys(auditModel) as AuditLabel[];

/** A Change's entries, in order. */
export const AUDIT_ENTRY_RELATIONSHIP = 'HAS_ENTRY';
