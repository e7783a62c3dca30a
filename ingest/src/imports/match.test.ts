import { describe, expect, it } from 'vitest';
import { matchStated } from './match.ts';
import { normaliseName, normaliseVat } from './names.ts';
import type { ExistingNode, GraphState } from './state.ts';
import type { MatchKeys } from './statement.ts';

describe('normaliseName', () => {
  it.each([
    ['Universitatea Tehnică din Cluj-Napoca', 'Technical University of Cluj-Napoca'],
    ['ACME ROBOTICS S.R.L.', 'Acme Robotics SRL'],
    [
      'Fraunhofer-Gesellschaft zur Förderung der angewandten Forschung e.V.',
      'FRAUNHOFER GESELLSCHAFT ZUR FORDERUNG DER ANGEWANDTEN FORSCHUNG EV',
    ],
    ['Siemens AG', 'SIEMENS'],
    ['Napochim S.A', 'NAPOCHIM SA'],
    ['Universität Wien', 'University of Wien'],
    ['Aarhus Universitet', 'AARHUS UNIVERSITY'],
    ['Institutul Național de Cercetare', 'INSTITUT NATIONAL DE CERCETARE'],
    ['Example Ltd', 'EXAMPLE LIMITED'],
  ])('"%s" reads as "%s"', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
  });

  it.each([
    ['Universitatea din Bucuresti', 'Universitatea Politehnica din Bucuresti'],
    ['Acme Robotics SRL', 'Acme Robots SRL'],
  ])('"%s" and "%s" stay apart', (a, b) => {
    expect(normaliseName(a)).not.toBe(normaliseName(b));
  });

  it('compares VAT numbers without spaces and dots', () => {
    expect(normaliseVat('ro 12.345.678')).toBe('RO12345678');
  });
});

function organisation(id: string, props: Record<string, unknown>, regionCodes: string[] = []): ExistingNode {
  return { label: 'Organisation', id, origin: 'CURATED', props, regionCodes, claims: [] };
}

const state: GraphState = {
  nodes: new Map(
    [
      organisation('org:utcn', { name: 'Technical University of Cluj-Napoca', country: 'RO' }),
      organisation('org:acme', { name: 'Acme Robotics SRL', vat: 'RO 111' }, ['RO21']),
      organisation('org:pic-only', { name: 'PIC 999000009', pic: '999000009' }),
      organisation('org:napochim', { name: 'Napochim S.A' }),
      organisation('org:politehnica', { name: 'Universitatea Politehnica Timisoara', country: 'RO' }),
      organisation('org:twin-a', { name: 'Twin Works', country: 'DE' }),
      organisation('org:twin-b', { name: 'Twin Works GmbH', country: 'DE' }),
    ].map((node) => [node.id, node]),
  ),
  relationships: new Map(),
};

describe('matchStated', () => {
  const stated = new Map<string, MatchKeys>([
    ['new:by-pic', { label: 'Organisation', pic: '999000009', name: 'Other name entirely', country: 'FR' }],
    [
      'new:by-vat',
      { label: 'Organisation', vat: 'RO111', name: 'ACME ROBOTICS INTERNATIONAL', country: 'RO' },
    ],
    ['new:by-name', { label: 'Organisation', name: 'UNIVERSITATEA TEHNICA DIN CLUJ-NAPOCA', country: 'RO' }],
    ['new:by-name-located', { label: 'Organisation', name: 'ACME ROBOTICS S.R.L.', country: 'RO' }],
    [
      'new:other-country',
      { label: 'Organisation', name: 'Technical University of Cluj-Napoca', country: 'MD' },
    ],
    [
      'new:near',
      { label: 'Organisation', name: 'Universitatea Politehnica Timișoara SA Filiala', country: 'RO' },
    ],
    ['new:typo', { label: 'Organisation', name: 'Universitatea Politehnika Timisoara', country: 'RO' }],
    ['new:no-country', { label: 'Organisation', name: 'NAPOCHIM SA', country: 'RO' }],
    ['new:ambiguous', { label: 'Organisation', name: 'TWIN WORKS', country: 'DE' }],
    ['new:unrelated', { label: 'Organisation', name: 'Something Else Entirely SRL', country: 'RO' }],
  ]);
  const { resolved, uncertain } = matchStated(stated, state);

  it.each([
    ['new:by-pic', 'org:pic-only'],
    ['new:by-vat', 'org:acme'],
    ['new:by-name', 'org:utcn'],
    ['new:by-name-located', 'org:acme'],
  ])('%s is %s', (statedId, existing) => {
    expect(resolved.get(statedId)).toBe(existing);
  });

  it('merges nothing else', () => {
    expect([...resolved.keys()].sort()).toEqual([
      'new:by-name',
      'new:by-name-located',
      'new:by-pic',
      'new:by-vat',
    ]);
  });

  it('lists near-duplicates, a same name without country and an ambiguous name for a person to confirm', () => {
    expect(uncertain.map((match) => [match.stated, match.existing]).sort()).toEqual([
      ['new:ambiguous', expect.stringMatching(/^org:twin-/)],
      ['new:near', 'org:politehnica'],
      ['new:no-country', 'org:napochim'],
      ['new:typo', 'org:politehnica'],
    ]);
  });
});
