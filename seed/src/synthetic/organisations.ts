import { isoCountryOfNuts, type OrganisationKind } from '@clustergraph/schema';
import { type GeneratedKind, type Generation, type Org, pad } from './context.ts';
import { apportion, type Random } from './random.ts';
import type { Place, SectorChain, Stage } from './reference.ts';

/**
 * How each kind of organisation is generated. `share`: of the organisations that are not cluster
 * organisations (SMEs ~87%, as in EU cluster ecosystems). `concentration`: exponent on the
 * regions' economic weight (universities gather in university cities, public bodies are
 * everywhere). `coordinates` / `joins`: relative odds of coordinating or joining a project.
 */
export const KIND_PROFILES: Record<
  GeneratedKind,
  { share: number; concentration: number; coordinates: number; joins: number }
> = {
  SME: { share: 0.875, concentration: 1, coordinates: 0.4, joins: 1 },
  LARGE_COMPANY: { share: 0.03, concentration: 1.2, coordinates: 6, joins: 5 },
  UNIVERSITY: { share: 0.008, concentration: 1.6, coordinates: 40, joins: 25 },
  RESEARCH_INSTITUTE: { share: 0.012, concentration: 1.4, coordinates: 30, joins: 20 },
  PUBLIC_AUTHORITY: { share: 0.025, concentration: 0.3, coordinates: 4, joins: 3 },
  DEVELOPMENT_AGENCY: { share: 0.003, concentration: 0.3, coordinates: 20, joins: 10 },
  CHAMBER: { share: 0.005, concentration: 0.3, coordinates: 5, joins: 3 },
  BUSINESS_SUPPORT: { share: 0.02, concentration: 0.8, coordinates: 6, joins: 5 },
  NGO: { share: 0.022, concentration: 0.8, coordinates: 3, joins: 3 },
  CLUSTER_ORGANISATION: { share: 0, concentration: 1, coordinates: 15, joins: 8 },
};

/** SMEs in cluster ecosystems skew larger than all EU SMEs (93% micro). */
const SME_SIZE_SHARES = { MICRO: 0.55, SMALL: 0.3, MEDIUM: 0.15 } as const;

export const COMPANY_KINDS = new Set<OrganisationKind>(['SME', 'LARGE_COMPANY']);
export const KNOWLEDGE_KINDS = new Set<OrganisationKind>(['UNIVERSITY', 'RESEARCH_INSTITUTE']);
export const SUPPORT_KINDS = new Set<OrganisationKind>([
  'PUBLIC_AUTHORITY',
  'DEVELOPMENT_AGENCY',
  'CHAMBER',
  'BUSINESS_SUPPORT',
  'NGO',
]);

/** Generates `count` organisations of every kind but cluster organisations (the clusters bring those). */
export function generateOrganisations(generation: Generation, count: number): void {
  const shares = Object.fromEntries(
    Object.entries(KIND_PROFILES).map(([kind, profile]) => [kind, profile.share]),
  ) as Record<GeneratedKind, number>;
  const kinds = generation.random.shuffle(
    (Object.entries(apportion(count, shares)) as [GeneratedKind, number][]).flatMap(([kind, n]) =>
      Array.from({ length: n }, () => kind),
    ),
  );
  for (const kind of kinds) {
    const place = generation.drawPlace(KIND_PROFILES[kind].concentration);
    createOrganisation(generation, kind, place, generation.drawSector(place));
  }
}

function extraSectorCount(kind: GeneratedKind, random: Random): number {
  switch (kind) {
    case 'UNIVERSITY':
      return random.between(1, 4);
    case 'SME':
    case 'LARGE_COMPANY':
      return random.chance(0.25) ? 1 : 0;
    case 'CLUSTER_ORGANISATION':
      return 0;
    default:
      return random.between(0, 2);
  }
}

/**
 * Creates one organisation with its region, sectors and the value-chain stages it provides, and
 * NACE codes taken from those stages' codes.
 */
export function createOrganisation(
  generation: Generation,
  kind: GeneratedKind,
  place: Place,
  mainSector: number,
  name?: string,
): Org {
  const { random } = generation;
  const org: Org = {
    index: generation.orgs.length,
    id: `syn:org:${pad(generation.orgs.length + 1, 6)}`,
    kind,
    place,
    sectors: [mainSector],
    stages: [],
    activity: Math.min(30, random.pareto(1, 2.5)),
  };
  const extraSectors = extraSectorCount(kind, random);
  for (let attempt = 0; org.sectors.length <= extraSectors && attempt < 10; attempt++) {
    const sector = generation.drawSector(place);
    if (!org.sectors.includes(sector)) org.sectors.push(sector);
  }
  const naceCodes = provideStages(generation, org);
  const main = generation.sector(mainSector);

  const props: Record<string, unknown> = {
    name: name ?? generation.names.organisation(kind, place, main),
    kind,
    country: isoCountryOfNuts(place.country),
    naceCodes,
    capabilities: org.stages.map((stage) => stage.name),
  };
  if (kind === 'SME') {
    const draw = random.next();
    props.size =
      draw < SME_SIZE_SHARES.MICRO
        ? 'MICRO'
        : draw < SME_SIZE_SHARES.MICRO + SME_SIZE_SHARES.SMALL
          ? 'SMALL'
          : 'MEDIUM';
  } else if (kind === 'LARGE_COMPANY') props.size = 'LARGE';

  generation.node('Organisation', org.id, props);
  generation.link('LOCATED_IN', org.id, place.regionId);
  for (const sector of org.sectors) generation.link('ACTIVE_IN', org.id, generation.sector(sector).id);
  for (const stage of org.stages) generation.link('PROVIDES', org.id, stage.id);
  generation.orgs.push(org);
  return org;
}

/** Fills `org.stages` by kind; returns the NACE codes, one per stage from the stage's own list. */
function provideStages(generation: Generation, org: Org): string[] {
  const { random } = generation;
  const support = (key: Parameters<Generation['supportStage']>[0]) => generation.supportStage(key);
  const naceCodes: string[] = [];
  const provide = (stage: Stage, preferredNace?: string) => {
    if (org.stages.includes(stage)) return;
    org.stages.push(stage);
    const code =
      preferredNace && stage.naceCodes.includes(preferredNace)
        ? preferredNace
        : stage.naceCodes.length > 0
          ? random.pick(stage.naceCodes)
          : undefined;
    if (code && !naceCodes.includes(code)) naceCodes.push(code);
  };
  /** A contiguous run of a chain's primary stages: firms integrate neighbouring steps. */
  const provideRun = (sector: SectorChain, length: number) => {
    const run = Math.min(length, sector.primary.length);
    const start = random.int(sector.primary.length - run + 1);
    for (const stage of sector.primary.slice(start, start + run)) provide(stage);
  };
  const [mainSector, ...otherSectors] = org.sectors.map((index) => generation.sector(index));
  if (!mainSector) throw new Error(`${org.id} has no sector`);

  switch (org.kind) {
    case 'SME': {
      const draw = random.next();
      if (draw < 0.03) provide(support('finance'));
      else if (draw < 0.07) provide(support('businessSupport'));
      else if (draw < 0.08) provide(support('training'));
      else provideRun(mainSector, draw < 0.7 ? 1 : draw < 0.92 ? 2 : 3);
      const [second] = otherSectors;
      if (second) provideRun(second, 1);
      break;
    }
    case 'LARGE_COMPANY':
      provideRun(mainSector, random.between(2, 4));
      if (random.chance(0.3)) provide(support('research'));
      for (const other of otherSectors) provideRun(other, 1);
      break;
    case 'UNIVERSITY':
      provide(support('training'), '85.4');
      provide(support('research'));
      break;
    case 'RESEARCH_INSTITUTE':
      provide(support('research'));
      if (random.chance(0.25)) provideRun(mainSector, 1);
      break;
    case 'PUBLIC_AUTHORITY':
    case 'DEVELOPMENT_AGENCY':
      provide(support('businessSupport'), '84.13');
      break;
    case 'CHAMBER':
    case 'CLUSTER_ORGANISATION':
      provide(support('businessSupport'), '94.1');
      break;
    case 'BUSINESS_SUPPORT':
      provide(support('businessSupport'));
      if (random.chance(0.25)) provide(support('finance'));
      if (random.chance(0.25)) provide(support('training'));
      break;
    case 'NGO':
      provide(random.chance(0.6) ? support('training') : support('businessSupport'));
      break;
  }
  return naceCodes;
}
