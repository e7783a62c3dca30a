import { toGlobalId } from '@clustergraph/schema';
import { describe, expect, it } from 'vitest';
import { entityPath, globalIdFromSlug, keyFromSlug } from './paths.ts';

describe('entity paths', () => {
  it('drop the label prefix of a key, and find it again', () => {
    expect(entityPath('Cluster', 'cluster:ind-agro-pol')).toBe('/clusters/ind-agro-pol');
    expect(keyFromSlug('Cluster', 'ind-agro-pol')).toBe('cluster:ind-agro-pol');
    expect(entityPath('Region', 'region:RO213')).toBe('/regions/RO213');
    expect(entityPath('PilotAction', 'pilot:ne-1')).toBe('/pilot-actions/ne-1');
  });

  it('keep a key whole when it has another prefix, so no two keys share a path', () => {
    expect(entityPath('Cluster', 'syn:cluster:00001')).toBe('/clusters/syn%3Acluster%3A00001');
    expect(keyFromSlug('Cluster', 'syn:cluster:00001')).toBe('syn:cluster:00001');
    expect(entityPath('ValueChainStage', 'stage:agrifood:processing')).toBe(
      '/stages/stage%3Aagrifood%3Aprocessing',
    );
    for (const key of ['org:adr-ne', 'cluster:x', 'syn:org:000001', 'org:a/b?c', 'org:a:b']) {
      const slug = decodeURIComponent(entityPath('Organisation', key).split('/')[2] ?? '');
      expect(keyFromSlug('Organisation', slug)).toBe(key);
    }
  });

  it('give the id the API made for that key', () => {
    expect(globalIdFromSlug('Cluster', 'ind-agro-pol')).toBe(toGlobalId('Cluster', 'cluster:ind-agro-pol'));
  });
});
