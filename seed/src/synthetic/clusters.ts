import { type Generation, Pools, pad, scopesAround } from './context.ts';
import { acronymOf } from './names.ts';
import { COMPANY_KINDS, createOrganisation, KNOWLEDGE_KINDS, SUPPORT_KINDS } from './organisations.ts';

/** A cluster whose members leave primary stages of its sector's value chain uncovered. */
export type IncompleteValueChain = { clusterId: string; sectorId: string; missingStageIds: string[] };

/** Share of clusters generated with 1 to 3 primary stages of their chain missing on purpose. */
const INCOMPLETE_CHAIN_SHARE = 0.3;
const LATEST_YEAR = 2024;

export function clusterId(index: number): string {
  return `syn:cluster:${pad(index + 1, 5)}`;
}

/** Where members are recruited from, by scope (see scopesAround). */
function memberPools(generation: Generation) {
  const companiesBySector = new Pools();
  const providersByStage = new Pools();
  const othersByGroup = new Pools();
  for (const org of generation.orgs) {
    const scopes = scopesAround(org.place);
    if (COMPANY_KINDS.has(org.kind)) {
      for (const sector of org.sectors) {
        for (const scope of scopes) companiesBySector.add(`${sector}|${scope}`, org.index);
      }
    }
    if (COMPANY_KINDS.has(org.kind) || KNOWLEDGE_KINDS.has(org.kind)) {
      for (const stage of org.stages) {
        if (stage.kind !== 'PRIMARY') continue;
        for (const scope of scopes) providersByStage.add(`${stage.id}|${scope}`, org.index);
      }
    }
    const group = KNOWLEDGE_KINDS.has(org.kind)
      ? 'knowledge'
      : SUPPORT_KINDS.has(org.kind)
        ? 'support'
        : null;
    if (group) for (const scope of scopes) othersByGroup.add(`${group}|${scope}`, org.index);
  }
  return { companiesBySector, providersByStage, othersByGroup };
}

/**
 * Generates clusters, each in one sector, run by a new cluster organisation, with members mostly
 * from its NUTS 2 region: companies of the sector, a few universities or institutes, a few
 * public and support bodies. A complete cluster gets a provider for every primary stage of its
 * chain; about 30% leave 1 to 3 stages out on purpose, recruiting no one who provides them.
 * Returns the clusters whose chains are incomplete, and the clusters by NUTS 2 region.
 */
export function generateClusters(
  generation: Generation,
  count: number,
): { incompleteValueChains: IncompleteValueChain[]; clustersByArea: Pools } {
  const { random, names } = generation;
  const { companiesBySector, providersByStage, othersByGroup } = memberPools(generation);
  const incompleteValueChains: IncompleteValueChain[] = [];
  const clustersByArea = new Pools();

  for (let c = 0; c < count; c++) {
    const place = generation.drawPlace(1);
    const sectorIndex = generation.drawSector(place);
    const sector = generation.sector(sectorIndex);
    const id = clusterId(c);
    const name = names.cluster(place, sector);
    const foundedYear = random.between(2006, 2021);
    const foundedOn = generation.month(foundedYear);
    const scopes = scopesAround(place);
    /** The nearest scope 70% of the time, the country 25%, anywhere 5%. */
    const firstScope = () => {
      const draw = random.next();
      return draw < 0.7 ? 0 : draw < 0.95 ? 1 : 2;
    };

    const leftOut = new Set<string>();
    if (random.chance(INCOMPLETE_CHAIN_SHARE) && sector.primary.length > 1) {
      const gaps = Math.min(random.between(1, 3), sector.primary.length - 1);
      for (const stage of random.shuffle([...sector.primary]).slice(0, gaps)) leftOut.add(stage.id);
    }
    const members: number[] = [];
    const isMember = new Set<number>();
    const accepts = (index: number) =>
      !isMember.has(index) && !generation.org(index).stages.some((stage) => leftOut.has(stage.id));
    /** Adds one acceptable organisation from the pools under `key`, trying wider scopes in turn. */
    const recruit = (pools: Pools, key: string, startScope: number): void => {
      for (let scope = startScope; scope < scopes.length; scope++) {
        const pool = pools.get(`${key}|${scopes[scope]}`);
        for (let attempt = 0; attempt < 12 && pool.length > 0; attempt++) {
          const candidate = random.pick(pool);
          if (accepts(candidate)) {
            members.push(candidate);
            isMember.add(candidate);
            return;
          }
        }
      }
    };

    // Log-normal sizes around 45 members, as the clusters of the curated documents.
    const size = Math.max(10, Math.min(300, Math.round(45 * Math.exp(0.6 * random.normal()))));
    const others = 1 + Math.floor(size * 0.04);
    for (let i = 0; i < size - 2 * others; i++) recruit(companiesBySector, String(sectorIndex), firstScope());
    for (let i = 0; i < others; i++) recruit(othersByGroup, 'knowledge', firstScope());
    for (let i = 0; i < others; i++) recruit(othersByGroup, 'support', firstScope());
    const stagesOfMembers = () =>
      new Set(members.flatMap((member) => generation.org(member).stages.map((stage) => stage.id)));
    const covered = stagesOfMembers();
    for (const stage of sector.primary) {
      if (!leftOut.has(stage.id) && !covered.has(stage.id)) recruit(providersByStage, stage.id, 0);
    }

    const manager = createOrganisation(
      generation,
      'CLUSTER_ORGANISATION',
      place,
      sectorIndex,
      names.unique(`${name} Association`),
    );
    const labels: string[] = [];
    if (random.chance(0.2)) {
      const draw = random.next();
      const level = draw < 0.6 ? 'Bronze' : draw < 0.9 ? 'Silver' : 'Gold';
      const awardedOn = String(random.between(Math.max(foundedYear + 1, 2012), LATEST_YEAR));
      labels.push(JSON.stringify({ level, issuer: 'ESCA', awardedOn, source: generation.source.document }));
    }
    generation.node('Cluster', id, {
      name,
      acronym: acronymOf(name),
      declaredMemberCount: members.length + random.int(6),
      foundedOn,
      labels,
    });
    generation.link('LOCATED_IN', id, place.regionId);
    generation.link('ACTIVE_IN', id, sector.id);
    generation.link('MANAGES', manager.id, id);
    for (const [position, index] of members.entries()) {
      const member = generation.org(index);
      const founding = position < members.length * 0.3 && random.chance(0.7);
      const joinedYear = founding
        ? foundedYear
        : random.between(Math.min(foundedYear + 1, LATEST_YEAR), LATEST_YEAR);
      const foreign = member.place.country !== place.country;
      generation.link('MEMBER_OF', member.id, id, {
        since: founding ? foundedOn : generation.month(joinedYear),
        role: founding ? 'founding member' : foreign ? 'associate member' : 'member',
      });
    }
    clustersByArea.add(place.areaId, c);

    // From the members as generated, not from intent: a stage no recruit could cover is a gap too.
    const provided = stagesOfMembers();
    const missingStageIds = sector.primary
      .filter((stage) => !provided.has(stage.id))
      .map((stage) => stage.id);
    if (missingStageIds.length > 0)
      incompleteValueChains.push({ clusterId: id, sectorId: sector.id, missingStageIds });
  }
  return { incompleteValueChains, clustersByArea };
}
