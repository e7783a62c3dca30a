import { type Generation, type Org, Pools, pad, scopesAround, WeightedPool } from './context.ts';
import { projectAcronym, projectTitle } from './names.ts';
import { KIND_PROFILES } from './organisations.ts';

const FIRST_YEAR = 2008;
const LATEST_YEAR = 2024;
const LARGEST_TEAM = 150;

/**
 * Draws organisations for projects and partnerships, weighted by how often their kind joins one
 * and by their own activity, within a scope (NUTS 2 region, country, all). Built after the
 * clusters, so cluster organisations take part too.
 */
export class Participants {
  private readonly byScope = new Pools();
  private readonly pools = new Map<string, WeightedPool>();
  readonly coordinators: WeightedPool;

  constructor(private readonly generation: Generation) {
    for (const org of generation.orgs) {
      for (const scope of scopesAround(org.place)) this.byScope.add(scope, org.index);
    }
    this.coordinators = new WeightedPool(this.byScope.get('all'), (index) =>
      this.weight(index, 'coordinates'),
    );
  }

  private weight(index: number, role: 'coordinates' | 'joins'): number {
    const org = this.generation.org(index);
    return KIND_PROFILES[org.kind][role] * org.activity;
  }

  in(scope: string): WeightedPool {
    let pool = this.pools.get(scope);
    if (!pool) {
      pool = new WeightedPool(this.byScope.get(scope), (index) => this.weight(index, 'joins'));
      this.pools.set(scope, pool);
    }
    return pool;
  }
}

/**
 * The programme a project is funded by: curated programmes for the years they ran (the EU
 * programmes of 2007–2013 for international teams, the ESF and the national RDI plan for
 * national ones), synthetic ones after, the regional programme of the coordinator's region
 * from 2021. Synthetic programmes are created as first needed.
 */
function fundingPolicy(generation: Generation) {
  const created = new Set<string>();
  const synthetic = (key: string, name: string): string => {
    const id = `syn:programme:${key}`;
    if (!created.has(id)) {
      created.add(id);
      generation.node('Programme', id, { name });
    }
    return id;
  };
  return (year: number, international: boolean, coordinator: Org): string => {
    if (international) {
      if (year < 2014) {
        return generation.programme(
          generation.random.pick(['southEastEurope', 'interregIvc', 'fp7'] as const),
        );
      }
      return year < 2021
        ? synthetic('transnational-2014-2020', 'Transnational Innovation Programme 2014–2020')
        : synthetic('transnational-2021-2027', 'Transnational Innovation Programme 2021–2027');
    }
    if (year < 2014) return generation.programme('esf');
    if (year < 2021) {
      return generation.random.chance(0.5)
        ? generation.programme('pncdiCompetitiveness')
        : synthetic('regional-operational-2014-2020', 'Regional Operational Programme 2014–2020');
    }
    const { areaId, areaName } = coordinator.place;
    return synthetic(
      `regional-${areaId.replace('region:', '').toLowerCase()}-2021-2027`,
      `Regional Programme ${areaName} 2021–2027`,
    );
  };
}

/**
 * Generates projects: a coordinator (universities, institutes and agencies coordinate most), a
 * heavy-tailed team drawn mostly from the coordinator's region (55%) and country (30%), dates,
 * a budget shared out as contributions, a programme and the coordinator's sector.
 */
export function generateProjects(generation: Generation, count: number, participants: Participants): void {
  const { random } = generation;
  const largestTeam = Math.min(LARGEST_TEAM, Math.floor(generation.orgs.length / 5));
  const fundingOf = fundingPolicy(generation);
  for (let p = 0; p < count; p++) {
    const id = `syn:project:${pad(p + 1, 6)}`;
    const coordinator = generation.org(participants.coordinators.draw(random));
    // Pareto(2, 1.5): median 3, ~90% of teams of 2 to 8, ~2% above 30.
    const teamSize = Math.min(largestTeam, Math.floor(random.pareto(2, 1.5)));
    const team = [coordinator.index];
    const inTeam = new Set(team);
    const scopes = scopesAround(coordinator.place);
    while (team.length < teamSize) {
      const draw = random.next();
      let added = false;
      for (let scope = draw < 0.55 ? 0 : draw < 0.85 ? 1 : 2; scope < scopes.length && !added; scope++) {
        const pool = participants.in(scopes[scope] as string);
        for (let attempt = 0; attempt < 8 && pool.size > 0 && !added; attempt++) {
          const candidate = pool.draw(random);
          if (!inTeam.has(candidate)) {
            team.push(candidate);
            inTeam.add(candidate);
            added = true;
          }
        }
      }
      if (!added) break;
    }

    const year = random.between(FIRST_YEAR, LATEST_YEAR);
    const month = 1 + random.int(12);
    const endMonthIndex = year * 12 + month - 1 + random.between(12, 48);
    const international = team.some((member) => generation.org(member).place.country !== 'RO');
    const sector = generation.sector(coordinator.sectors[0] as number);
    const budget = Math.round((team.length * 120_000 * Math.exp(0.8 * random.normal())) / 1000) * 1000;
    const title = projectTitle(random, sector);
    generation.node('Project', id, {
      code: `SYN-${generation.tier}-${pad(p + 1, 6)}`,
      acronym: projectAcronym(random),
      title,
      startDate: `${year}-${pad(month, 2)}`,
      endDate: `${Math.floor(endMonthIndex / 12)}-${pad((endMonthIndex % 12) + 1, 2)}`,
      budgetAmount: budget,
      budgetCurrency: 'EUR',
      domain: sector.name,
    });
    generation.link('FUNDED_BY', id, fundingOf(year, international, coordinator));
    generation.link('ACTIVE_IN', id, sector.id);
    const partnerSector = generation.sector(generation.org(random.pick(team)).sectors[0] as number);
    if (random.chance(0.2) && partnerSector !== sector) generation.link('ACTIVE_IN', id, partnerSector.id);
    const weights = team.map((_, position) => (position === 0 ? 2 : 0.5) + random.next());
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    for (const [position, member] of team.entries()) {
      generation.link('PARTICIPATES_IN', generation.org(member).id, id, {
        role: position === 0 ? 'COORDINATOR' : 'PARTNER',
        contribution: Math.round((budget * (weights[position] as number) * 100) / totalWeight) / 100,
      });
    }
  }
}
