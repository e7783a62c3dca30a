import type { ValueChainCoverage } from './coverage.ts';

/**
 * The primary stages of a coverage that no organisation is stated to provide: what the synthetic
 * generator's `incompleteValueChains` lists for a cluster it left incomplete. Tests and the bench
 * compare the two; a stage with NACE evidence only is in this list and WEAK, never COVERED.
 */
export function unstatedPrimaryStages(
  coverage: ValueChainCoverage,
): { sectorId: string; stageIds: string[] }[] {
  return coverage.chains.flatMap((chain) => {
    const stageIds = chain.stages
      .filter((s) => s.stage.kind === 'PRIMARY' && !s.providers.some((p) => p.via === 'EXPLICIT'))
      .map((s) => s.stage.id);
    return stageIds.length > 0 ? [{ sectorId: chain.sectorId, stageIds }] : [];
  });
}
