import { ORGANISATION_KINDS } from '@clustergraph/schema';
import { describe, expect, it } from 'vitest';
import {
  type DatasetFile,
  DatasetSyntaxError,
  type NodeRecord,
  parseDatasetFile,
  type RelationshipRecord,
  sourceId,
} from './dataset.ts';
import { DatasetInvalidError, type Problem, validateDataset } from './validate.ts';

/** The loader's refusals, without a database: a small hand-made dataset, broken one way per case. */

const SOURCE = [{ document: 'validate-test.txt', section: 'fixture' }];
const OTHER_SOURCE = [{ document: 'validate-test.txt', section: 'another section' }];

const region: NodeRecord = {
  label: 'Region',
  id: 'region:ZZ1',
  props: { code: 'ZZ1', name: 'Validate test region', level: 2 },
  sources: SOURCE,
};
const cluster: NodeRecord = {
  label: 'Cluster',
  id: 'cluster:validate-test',
  props: { name: 'Validate test cluster', declaredMemberCount: 3 },
  sources: SOURCE,
};
const project: NodeRecord = {
  label: 'Project',
  id: 'project:validate-test',
  props: { code: 'VT-1', title: 'Validate test project', startDate: '2018-06-01', endDate: '2020-05' },
  sources: SOURCE,
};
const located: RelationshipRecord = {
  type: 'LOCATED_IN',
  from: 'cluster:validate-test',
  to: 'region:ZZ1',
  sources: SOURCE,
};

function file(name: string, nodes: NodeRecord[], relationships: RelationshipRecord[] = []): DatasetFile {
  return { file: name, nodes, relationships };
}

function lines(problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${problem.file} ${problem.record}: ${problem.message}`);
}

describe('validateDataset accepts', () => {
  it('the hand-made dataset, as written', () => {
    const { graph, problems } = validateDataset([file('valid.json', [region, cluster, project], [located])]);
    expect(problems).toEqual([]);
    expect(graph.nodes.map((node) => node.id)).toEqual([
      'region:ZZ1',
      'cluster:validate-test',
      'project:validate-test',
    ]);
    expect(graph.relationships).toEqual([
      { type: 'LOCATED_IN', from: 'cluster:validate-test', to: 'region:ZZ1', props: {}, sources: SOURCE },
    ]);
  });

  it('a node stated by two files, merging its props and sources', () => {
    const { graph, problems } = validateDataset([
      file('first.json', [cluster]),
      file('second.json', [
        { ...cluster, props: { name: cluster.props.name, acronym: 'VT' }, sources: OTHER_SOURCE },
      ]),
    ]);
    expect(problems).toEqual([]);
    expect(graph.nodes).toEqual([
      {
        label: 'Cluster',
        id: 'cluster:validate-test',
        props: { ...cluster.props, acronym: 'VT' },
        sources: [...SOURCE, ...OTHER_SOURCE],
      },
    ]);
  });

  it('dates as precise as a source gives them: a year, a month or a day', () => {
    for (const startDate of ['2018', '2018-06', '2018-06-01']) {
      const dated = { ...project, props: { ...project.props, startDate } };
      expect(validateDataset([file('dates.json', [dated])]).problems).toEqual([]);
    }
  });
});

describe('sourceId', () => {
  it('gives an inference its own Source, apart from the section it was read from and per reason', () => {
    const section = { document: 'validate-test.txt', section: 'fixture' };
    const inference = { ...section, kind: 'INFERENCE' as const, reason: 'read from the name' };
    expect(sourceId(section)).toBe('source:validate-test.txt#fixture');
    expect(sourceId(inference)).not.toBe(sourceId(section));
    expect(sourceId(inference)).not.toBe(sourceId({ ...inference, reason: 'another reading' }));
    expect(sourceId(inference)).toBe(sourceId({ ...inference }));
  });
});

type Refusal = { problem: string; files: DatasetFile[]; expected: string[] };

const refusals: Refusal[] = [
  {
    problem: 'a partnership member kind that is not a kind of the model, or without its words',
    files: [
      file('bad.json', [
        {
          label: 'Partnership',
          id: 'partnership:validate-test',
          props: {
            name: 'Validate test lab',
            kind: 'REGIONAL_LAB',
            memberKinds: [
              JSON.stringify({ kind: 'UNIVERSITIES', name: 'Universities' }),
              JSON.stringify({ kind: 'CHAMBER', count: 0 }),
            ],
          },
          sources: SOURCE,
        },
      ]),
    ],
    expected: [
      `bad.json nodes[0] partnership:validate-test: property "memberKinds"[0] has kind "UNIVERSITIES", not one of ${ORGANISATION_KINDS.join(', ')}`,
      'bad.json nodes[0] partnership:validate-test: property "memberKinds"[1] has no name',
      'bad.json nodes[0] partnership:validate-test: property "memberKinds"[1] has a count that is not a positive whole number',
    ],
  },
  {
    problem: 'an inference without its reason',
    files: [
      file('bad.json', [
        { ...cluster, sources: [{ document: 'validate-test.txt', section: 'fixture', kind: 'INFERENCE' }] },
      ]),
    ],
    expected: [
      'bad.json nodes[0] cluster:validate-test: has an INFERENCE source on validate-test.txt without a reason',
    ],
  },
  {
    problem: 'a source of an unknown kind',
    files: [
      file('bad.json', [
        {
          ...cluster,
          sources: [{ document: 'validate-test.txt', section: 'fixture', kind: 'GUESS' as 'DOCUMENT' }],
        },
      ]),
    ],
    expected: [
      'bad.json nodes[0] cluster:validate-test: has a source of unknown kind "GUESS" (known: DOCUMENT, INFERENCE)',
    ],
  },
  {
    problem: 'a reason on a document source, which would pass a reading off as the words',
    files: [
      file('bad.json', [
        { ...cluster, sources: [{ document: 'validate-test.txt', section: 'fixture', reason: 'read so' }] },
      ]),
    ],
    expected: [
      'bad.json nodes[0] cluster:validate-test: has a reason on a source that is not an INFERENCE (validate-test.txt fixture)',
    ],
  },
  {
    problem: 'an unknown label',
    files: [file('bad.json', [region, { ...cluster, label: 'Clustr' }])],
    expected: ['bad.json nodes[1] cluster:validate-test: unknown label "Clustr"'],
  },
  {
    problem: 'an unknown property',
    files: [file('bad.json', [{ ...cluster, props: { ...cluster.props, colour: 'red' } }])],
    expected: ['bad.json nodes[0] cluster:validate-test: unknown property "colour"'],
  },
  {
    problem: 'a property the loader sets',
    files: [file('bad.json', [{ ...cluster, props: { ...cluster.props, synthetic: true } }])],
    expected: [
      'bad.json nodes[0] cluster:validate-test: property "synthetic" is set by the loader, not the data',
    ],
  },
  {
    problem: 'a property of the wrong type',
    files: [file('bad.json', [{ ...cluster, props: { ...cluster.props, declaredMemberCount: '3' } }])],
    expected: [
      'bad.json nodes[0] cluster:validate-test: property "declaredMemberCount" must be a whole number',
    ],
  },
  {
    problem: 'a fractional count',
    files: [file('bad.json', [{ ...cluster, props: { ...cluster.props, declaredMemberCount: 3.5 } }])],
    expected: [
      'bad.json nodes[0] cluster:validate-test: property "declaredMemberCount" must be a whole number',
    ],
  },
  {
    problem: 'a list property that is not a list of strings',
    files: [file('bad.json', [{ ...project, props: { ...project.props, objectives: 'one objective' } }])],
    expected: ['bad.json nodes[0] project:validate-test: property "objectives" must be a list of strings'],
  },
  {
    problem: 'a JSON list holding text that is not JSON',
    files: [file('bad.json', [{ ...cluster, props: { ...cluster.props, labels: ['Silver'] } }])],
    expected: [
      'bad.json nodes[0] cluster:validate-test: property "labels" holds text that is not JSON: Silver',
    ],
  },
  {
    problem: 'a missing required property',
    files: [file('bad.json', [{ ...project, props: { code: 'VT-1' } }])],
    expected: ['bad.json nodes[0] project:validate-test: property "title" is required'],
  },
  {
    problem: 'an empty required string',
    files: [file('bad.json', [{ ...cluster, props: { name: '  ' } }])],
    expected: ['bad.json nodes[0] cluster:validate-test: property "name" must be a non-empty string'],
  },
  {
    problem: 'a node without an id',
    files: [file('bad.json', [{ ...cluster, id: '' }])],
    expected: ['bad.json nodes[0] : has no id'],
  },
  {
    problem: 'a node without a source',
    files: [file('bad.json', [{ ...cluster, sources: [] }])],
    expected: ['bad.json nodes[0] cluster:validate-test: has no source'],
  },
  {
    problem: 'a source without a section',
    files: [file('bad.json', [{ ...cluster, sources: [{ document: 'validate-test.txt', section: '' }] }])],
    expected: ['bad.json nodes[0] cluster:validate-test: has a source without document and section'],
  },
  {
    problem: 'a relationship without a source',
    files: [file('bad.json', [region, cluster], [{ ...located, sources: [] }])],
    expected: ['bad.json relationships[0] LOCATED_IN cluster:validate-test -> region:ZZ1: has no source'],
  },
  {
    problem: 'a dangling reference',
    files: [file('bad.json', [region], [located])],
    expected: [
      'bad.json relationships[0] LOCATED_IN cluster:validate-test -> region:ZZ1: dangling reference: no node cluster:validate-test',
    ],
  },
  {
    problem: 'an unknown region code',
    files: [file('bad.json', [cluster], [{ ...located, to: 'region:XX99' }])],
    expected: [
      'bad.json relationships[0] LOCATED_IN cluster:validate-test -> region:XX99: dangling reference: no node region:XX99',
    ],
  },
  {
    problem: 'an unknown sector code',
    files: [
      file(
        'bad.json',
        [cluster],
        [{ type: 'ACTIVE_IN', from: 'cluster:validate-test', to: 'sector:no-such-sector', sources: SOURCE }],
      ),
    ],
    expected: [
      'bad.json relationships[0] ACTIVE_IN cluster:validate-test -> sector:no-such-sector: dangling reference: no node sector:no-such-sector',
    ],
  },
  {
    problem: 'a region whose id is not region:<its code>',
    files: [file('bad.json', [{ ...region, props: { ...region.props, code: 'ZZ2' } }])],
    expected: [
      "bad.json nodes[0] region:ZZ1: a region's id must be region:<code>, got region:ZZ1 for code ZZ2",
    ],
  },
  {
    problem: 'a sector whose id is not sector:<its code>',
    files: [
      file('bad.json', [
        {
          label: 'Sector',
          id: 'sector:textiles',
          props: { code: 'textile', name: 'Textiles' },
          sources: SOURCE,
        },
      ]),
    ],
    expected: [
      "bad.json nodes[0] sector:textiles: a sector's id must be sector:<code>, got sector:textiles for code textile",
    ],
  },
  {
    problem: 'an unknown relationship type',
    files: [file('bad.json', [region, cluster], [{ ...located, type: 'SITUATED_IN' }])],
    expected: [
      'bad.json relationships[0] SITUATED_IN cluster:validate-test -> region:ZZ1: unknown relationship type "SITUATED_IN"',
    ],
  },
  {
    problem: 'a SOURCED_FROM written as data',
    files: [file('bad.json', [region, cluster], [{ ...located, type: 'SOURCED_FROM' }])],
    expected: [
      'bad.json relationships[0] SOURCED_FROM cluster:validate-test -> region:ZZ1: SOURCED_FROM is written by the loader from `sources`',
    ],
  },
  {
    problem: 'relationship ends the model does not allow',
    files: [file('bad.json', [region, cluster], [{ ...located, type: 'MEMBER_OF' }])],
    expected: [
      'bad.json relationships[0] MEMBER_OF cluster:validate-test -> region:ZZ1: the model has no MEMBER_OF from Cluster to Region',
    ],
  },
  {
    problem: 'a relationship property of the wrong type',
    files: [
      file(
        'bad.json',
        [cluster, project],
        [
          {
            type: 'PARTICIPATES_IN',
            from: cluster.id,
            to: project.id,
            props: { contribution: 'lots' },
            sources: SOURCE,
          },
        ],
      ),
    ],
    expected: [
      'bad.json relationships[0] PARTICIPATES_IN cluster:validate-test -> project:validate-test: property "contribution" must be a number',
    ],
  },
  {
    problem: 'a relationship property its type does not declare',
    files: [file('bad.json', [region, cluster], [{ ...located, props: { position: 1 } }])],
    expected: [
      'bad.json relationships[0] LOCATED_IN cluster:validate-test -> region:ZZ1: unknown property "position"',
    ],
  },
  {
    problem: 'a duplicate id in one file',
    files: [file('bad.json', [region, cluster, cluster])],
    expected: ['bad.json nodes[2] cluster:validate-test: duplicate id cluster:validate-test in this file'],
  },
  {
    problem: 'a duplicate relationship in one file',
    files: [file('bad.json', [region, cluster], [located, located])],
    expected: [
      'bad.json relationships[1] LOCATED_IN cluster:validate-test -> region:ZZ1: duplicate relationship in this file',
    ],
  },
  {
    problem: 'conflicting properties for the same id across files',
    files: [
      file('first.json', [cluster]),
      file('second.json', [{ ...cluster, props: { ...cluster.props, declaredMemberCount: 4 } }]),
    ],
    expected: [
      'second.json nodes[0] cluster:validate-test: property "declaredMemberCount" is 4 here but 3 in first.json',
    ],
  },
  {
    problem: 'the same id with two labels across files',
    files: [
      file('first.json', [cluster]),
      file('second.json', [
        { label: 'Organisation', id: cluster.id, props: { name: 'x', kind: 'SME' }, sources: SOURCE },
      ]),
    ],
    expected: [
      'second.json nodes[0] cluster:validate-test: id cluster:validate-test is a Cluster in first.json but a Organisation here',
    ],
  },
  {
    problem: 'conflicting properties of the same relationship across files',
    files: [
      file(
        'first.json',
        [cluster, project],
        [
          {
            type: 'PARTICIPATES_IN',
            from: cluster.id,
            to: project.id,
            props: { role: 'PARTNER' },
            sources: SOURCE,
          },
        ],
      ),
      file(
        'second.json',
        [],
        [
          {
            type: 'PARTICIPATES_IN',
            from: cluster.id,
            to: project.id,
            props: { role: 'COORDINATOR' },
            sources: SOURCE,
          },
        ],
      ),
    ],
    expected: [
      'second.json relationships[0] PARTICIPATES_IN cluster:validate-test -> project:validate-test: property "role" is "COORDINATOR" here but "PARTNER" elsewhere',
    ],
  },
  {
    problem: 'a date that is not ISO 8601',
    files: [file('bad.json', [{ ...project, props: { ...project.props, startDate: '01.06.2018' } }])],
    expected: [
      'bad.json nodes[0] project:validate-test: property "startDate" must be an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
  },
  {
    problem: 'a date that does not exist',
    files: [file('bad.json', [{ ...project, props: { ...project.props, startDate: '2019-02-30' } }])],
    expected: [
      'bad.json nodes[0] project:validate-test: property "startDate" must be an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
  },
  {
    problem: 'a month that does not exist',
    files: [file('bad.json', [{ ...project, props: { ...project.props, endDate: '2020-13' } }])],
    expected: [
      'bad.json nodes[0] project:validate-test: property "endDate" must be an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
  },
  {
    problem: 'a date with a time',
    files: [file('bad.json', [{ ...project, props: { ...project.props, endDate: '2020-05-31T00:00:00Z' } }])],
    expected: [
      'bad.json nodes[0] project:validate-test: property "endDate" must be an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
  },
];

describe('validateDataset refuses', () => {
  it.each(refusals)('$problem, naming file, record and problem', ({ files, expected }) => {
    expect(lines(validateDataset(files).problems)).toEqual(expected);
  });

  it('all problems at once, each with its file and record', () => {
    const conflicting: NodeRecord = { ...cluster, id: 'cluster:conflicting' };
    const files = [
      file(
        'many.json',
        [
          region,
          { ...cluster, id: 'cluster:unknown-label', label: 'Clustr' },
          { ...cluster, id: 'cluster:unknown-property', props: { ...cluster.props, colour: 'red' } },
          { ...cluster, id: 'cluster:wrong-type', props: { ...cluster.props, declaredMemberCount: '3' } },
          { ...cluster, id: 'cluster:no-source', sources: [] },
          { ...project, props: { ...project.props, startDate: '01.06.2018' } },
          conflicting,
          conflicting,
        ],
        [
          { ...located, from: 'cluster:conflicting', to: 'region:XX99' },
          { ...located, type: 'MEMBER_OF', from: 'cluster:conflicting' },
          { ...located, from: 'cluster:conflicting', sources: [] },
        ],
      ),
      file('more.json', [{ ...conflicting, props: { ...conflicting.props, declaredMemberCount: 4 } }]),
    ];
    expect(lines(validateDataset(files).problems)).toEqual([
      'many.json nodes[1] cluster:unknown-label: unknown label "Clustr"',
      'many.json nodes[2] cluster:unknown-property: unknown property "colour"',
      'many.json nodes[3] cluster:wrong-type: property "declaredMemberCount" must be a whole number',
      'many.json nodes[4] cluster:no-source: has no source',
      'many.json nodes[5] project:validate-test: property "startDate" must be an ISO date that exists (YYYY, YYYY-MM or YYYY-MM-DD)',
      'many.json nodes[7] cluster:conflicting: duplicate id cluster:conflicting in this file',
      'more.json nodes[0] cluster:conflicting: property "declaredMemberCount" is 4 here but 3 in many.json',
      'many.json relationships[0] LOCATED_IN cluster:conflicting -> region:XX99: dangling reference: no node region:XX99',
      'many.json relationships[1] MEMBER_OF cluster:conflicting -> region:ZZ1: the model has no MEMBER_OF from Cluster to Region',
      'many.json relationships[2] LOCATED_IN cluster:conflicting -> region:ZZ1: has no source',
    ]);
  });
});

describe('DatasetInvalidError', () => {
  it('says nothing was loaded and lists every problem on its own line', () => {
    const { problems } = validateDataset([
      file('bad.json', [{ ...cluster, props: { ...cluster.props, colour: 'red' }, sources: [] }], [located]),
    ]);
    const error = new DatasetInvalidError(problems);
    expect(error.problems).toBe(problems);
    expect(error.message.split('\n')).toEqual([
      'The dataset was refused, nothing was loaded. 3 problem(s):',
      '  bad.json nodes[0] cluster:validate-test: unknown property "colour"',
      '  bad.json nodes[0] cluster:validate-test: has no source',
      '  bad.json relationships[0] LOCATED_IN cluster:validate-test -> region:ZZ1: dangling reference: no node region:ZZ1',
    ]);
  });
});

describe('parseDatasetFile', () => {
  it('reports a file that is not JSON by its name', () => {
    expect(() => parseDatasetFile('broken.json', '{"nodes": [')).toThrow(DatasetSyntaxError);
    expect(() => parseDatasetFile('broken.json', '{"nodes": [')).toThrow(/^broken\.json: not valid JSON/);
  });

  it('reports a file without nodes and relationships arrays', () => {
    expect(() => parseDatasetFile('shape.json', '{"nodes": []}')).toThrow(
      'shape.json: expected an object with "nodes" and "relationships" arrays',
    );
  });
});
