import { readdirSync, readFileSync } from 'node:fs';
import { foldText } from '@clustergraph/schema';
import { describe, expect, it } from 'vitest';
import { curatedGraph } from './curated.ts';

describe('the curated dataset of seed/data', () => {
  it('validates with no problem', () => {
    const graph = curatedGraph();
    expect(graph.nodes.length).toBeGreaterThan(300);
    expect(graph.relationships.length).toBeGreaterThan(500);
  });
});

/**
 * A region claim cited as a document's own words must have the document name the region (by its
 * name, local name or an alias, accents, case and punctuation aside); where the curators read
 * the region from a town, a seat or an agency's name, the source is an INFERENCE with its reason.
 */
describe('region claims cite what the documents say', () => {
  type Source = { document: string; section: string; kind?: string; reason?: string };
  type File = {
    nodes: { id: string; label: string; props: Record<string, unknown> }[];
    relationships: { type: string; from: string; to: string; sources: Source[] }[];
  };
  const dataDir = new URL('../data/', import.meta.url);
  const seedsDir = new URL('../../../shared/seeds/', import.meta.url);
  const read = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as File;
  const words = (text: string) =>
    ` ${foldText(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;

  it('every LOCATED_IN stated by a DOCUMENT source names its region in that document', () => {
    const regions = new Map(
      read(new URL('regions.json', dataDir)).nodes.map((node) => [node.id, node.props]),
    );
    const documents = new Map<string, string>();
    const unstated: string[] = [];
    for (const file of readdirSync(dataDir).filter((name) => /^\d{3}-.*\.json$/.test(name))) {
      for (const claim of read(new URL(file, dataDir)).relationships) {
        if (claim.type !== 'LOCATED_IN') continue;
        const region = regions.get(claim.to) ?? {};
        const names = [region.name, region.nameLocal, ...((region.aliases as string[] | undefined) ?? [])]
          .filter((name): name is string => typeof name === 'string' && name !== '')
          .map(words);
        for (const source of claim.sources) {
          if ((source.kind ?? 'DOCUMENT') !== 'DOCUMENT') continue;
          let text = documents.get(source.document);
          if (text === undefined) {
            text = words(readFileSync(new URL(source.document, seedsDir), 'utf8'));
            documents.set(source.document, text);
          }
          if (!names.some((name) => text.includes(name))) {
            unstated.push(`${file}: ${claim.from} LOCATED_IN ${claim.to} cites "${source.section}"`);
          }
        }
      }
    }
    expect(unstated).toEqual([]);
  });
});
