import { describe, expect, it } from 'vitest';
import { curatedGraph } from './curated.ts';

describe('the curated dataset of seed/data', () => {
  it('validates with no problem', () => {
    const graph = curatedGraph();
    expect(graph.nodes.length).toBeGreaterThan(300);
    expect(graph.relationships.length).toBeGreaterThan(500);
  });
});
