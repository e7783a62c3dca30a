import type { GraphNode, GraphRelationship, SourceRef } from '@clustergraph/ingest';
import type { NodeLabel, OrganisationKind, RelationshipType } from '@clustergraph/schema';
import { NameBook } from './names.ts';
import { createRandom, type Random, WeightedIndex } from './random.ts';
import {
  type CuratedProgramme,
  type Place,
  type Reference,
  type SectorChain,
  type Stage,
  type SupportStage,
  sectorWeightsAt,
} from './reference.ts';

/** Tiers by number of organisations; everything else scales with it. */
export const TIERS = { S: 1_000, M: 10_000, L: 100_000 } as const;
export type Tier = keyof typeof TIERS;

export function isTier(value: string): value is Tier {
  return Object.hasOwn(TIERS, value);
}

/** The one Source every node and relationship of a tier cites. */
export function syntheticSource(tier: Tier, seed: number): SourceRef {
  return { document: `synthetic:${tier}:seed-${seed}`, section: 'generator' };
}

export type GeneratedKind = Exclude<OrganisationKind, 'OTHER' | 'COMPANY'>;

/** An organisation while the graph is generated: what later phases draw on. */
export type Org = {
  index: number;
  id: string;
  kind: GeneratedKind;
  place: Place;
  /** Sector indices into `reference.sectors`, the main one first. */
  sectors: number[];
  stages: Stage[];
  /** Propensity to take part in projects: Pareto, so a few organisations are in very many. */
  activity: number;
};

/**
 * The state one generation shares across its phases: the seeded random source (every draw goes
 * through it, in a fixed order, so a seed always gives the same graph), the nodes and
 * relationships written so far, and cached weighted draws over the curated reference.
 */
export class Generation {
  readonly random: Random;
  readonly names: NameBook;
  readonly nodes: GraphNode[] = [];
  readonly relationships: GraphRelationship[] = [];
  readonly orgs: Org[] = [];
  readonly source: SourceRef;
  private readonly sources: SourceRef[];
  private readonly noProps: Record<string, unknown> = {};
  private readonly placeDraws = new Map<number, WeightedIndex>();
  private readonly sectorDraws = new Map<Place, WeightedIndex>();

  constructor(
    readonly reference: Reference,
    readonly tier: Tier,
    seed: number,
  ) {
    this.random = createRandom(seed);
    this.names = new NameBook(this.random);
    this.source = syntheticSource(tier, seed);
    this.sources = [this.source];
  }

  node(label: NodeLabel, id: string, props: Record<string, unknown>): void {
    this.nodes.push({ label, id, props, sources: this.sources });
  }

  link(
    type: RelationshipType,
    from: string,
    to: string,
    props: Record<string, unknown> = this.noProps,
  ): void {
    this.relationships.push({ type, from, to, props, sources: this.sources });
  }

  org(index: number): Org {
    const org = this.orgs[index];
    if (!org) throw new Error(`no organisation ${index}`);
    return org;
  }

  /** A place drawn by economic weight raised to `concentration` (0: uniform, >1: concentrated). */
  drawPlace(concentration: number): Place {
    let index = this.placeDraws.get(concentration);
    if (!index) {
      index = new WeightedIndex(this.reference.places.map((place) => place.weight ** concentration));
      this.placeDraws.set(concentration, index);
    }
    return this.reference.places[index.draw(this.random)] as Place;
  }

  /** A sector index drawn by the national mix and the place's specialisations. */
  drawSector(place: Place): number {
    let index = this.sectorDraws.get(place);
    if (!index) {
      index = new WeightedIndex(sectorWeightsAt(place, this.reference.sectors));
      this.sectorDraws.set(place, index);
    }
    return index.draw(this.random);
  }

  sector(index: number): SectorChain {
    const sector = this.reference.sectors[index];
    if (!sector) throw new Error(`no sector ${index}`);
    return sector;
  }

  supportStage(key: SupportStage): Stage {
    const stage = this.reference.supportStages.get(key);
    if (!stage) throw new Error(`no support stage ${key}`);
    return stage;
  }

  programme(key: CuratedProgramme): string {
    const id = this.reference.programmes.get(key);
    if (!id) throw new Error(`no curated programme ${key}`);
    return id;
  }

  /** A month of `year`, as a partial ISO date. */
  month(year: number): string {
    return `${year}-${pad(1 + this.random.int(12), 2)}`;
  }
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The scopes partners and members are drawn from, nearest first: NUTS 2 region, country, anywhere. */
export function scopesAround(place: Place): [string, string, string] {
  return [`area:${place.areaId}`, `country:${place.country}`, 'all'];
}

/** Groups indices by key; the lists keep insertion order, so draws from them are reproducible. */
export class Pools {
  private readonly lists = new Map<string, number[]>();

  add(key: string, index: number): void {
    const list = this.lists.get(key);
    if (list) list.push(index);
    else this.lists.set(key, [index]);
  }

  get(key: string): readonly number[] {
    return this.lists.get(key) ?? [];
  }
}

/** Weighted draws among a subset of organisations (one region, one country, all). */
export class WeightedPool {
  private readonly index: WeightedIndex;

  constructor(
    readonly members: readonly number[],
    weightOf: (member: number) => number,
  ) {
    this.index = new WeightedIndex(members.map(weightOf));
  }

  get size(): number {
    return this.index.size;
  }

  draw(random: Random): number {
    return this.members[this.index.draw(random)] as number;
  }
}
