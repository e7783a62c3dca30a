import { clusterId } from './clusters.ts';
import { type Generation, type Pools, pad } from './context.ts';
import { partnershipName } from './names.ts';
import type { Participants } from './projects.ts';

const PARTNERSHIP_KINDS = ['PROTOCOL', 'NETWORK', 'REGIONAL_LAB', 'CONSORTIUM'] as const;

/**
 * Generates regional partnerships (protocols, networks, labs, consortia) located in a NUTS 2
 * region, with partners mostly from it and up to three of its clusters.
 */
export function generatePartnerships(
  generation: Generation,
  count: number,
  participants: Participants,
  clustersByArea: Pools,
): void {
  const { random } = generation;
  for (let q = 0; q < count; q++) {
    const id = `syn:partnership:${pad(q + 1, 5)}`;
    const place = generation.drawPlace(1);
    const kind = random.pick(PARTNERSHIP_KINDS);
    generation.node('Partnership', id, {
      name: generation.names.unique(partnershipName(kind, place.areaName)),
      kind,
      signedOn: generation.month(random.between(2010, 2023)),
    });
    generation.link('LOCATED_IN', id, place.areaId);
    const partners = new Set<number>();
    const size = Math.min(40, 4 + Math.floor(random.pareto(1, 1.2) * 3));
    const nearby = participants.in(`area:${place.areaId}`);
    const national = participants.in(`country:${place.country}`);
    for (let attempt = 0; partners.size < size && attempt < size * 4; attempt++) {
      const pool = random.chance(0.8) && nearby.size > 0 ? nearby : national;
      if (pool.size > 0) partners.add(pool.draw(random));
    }
    const role = kind === 'PROTOCOL' ? 'signatory' : 'partner';
    for (const partner of partners) generation.link('PARTNER_IN', generation.org(partner).id, id, { role });
    const clusters = clustersByArea.get(place.areaId);
    const joining = new Set(
      Array.from({ length: Math.min(3, clusters.length) }, () => random.pick(clusters)),
    );
    for (const cluster of joining) generation.link('PARTNER_IN', clusterId(cluster), id, { role: 'member' });
  }
}
