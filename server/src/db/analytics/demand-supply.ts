import type { Demand, Offer } from '@clustergraph/analytics';
import type { NodeLabel, NodeRow } from '@clustergraph/schema';
import type { Database } from '../database.ts';
import { toRow } from '../repositories/nodes.ts';

/** A need with every region it was identified in (directly, or through the partnership or project). */
export type NeedWithRow = Demand & { id: string; regionCodes: readonly string[]; row: NodeRow<'Need'> };
export type OfferWithRow = Offer & {
  row: NodeRow<'Organisation'> | NodeRow<'GoodPractice'> | NodeRow<'PilotAction'>;
};
export type DemandSupplyFacts = {
  needs: NeedWithRow[];
  offers: OfferWithRow[];
  /** Names of the organisations behind offers, for the sentences. */
  partnerNames: ReadonlyMap<string, string>;
};

type Fetched = {
  needs: { node: Record<string, unknown>; regionCodes: string[] }[];
  offers: {
    label: 'Organisation' | 'GoodPractice' | 'PilotAction';
    node: Record<string, unknown>;
    regionCodes: string[];
    partners: { id: string; name: string }[];
    addresses: string[];
  }[];
};

const text = (value: unknown) =>
  Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? value : '';

/**
 * The needs (with the regions they were identified in) and the offers that may answer them, in
 * one statement: organisations stating capabilities, good practices (the regions of the partners
 * that tested or originated them), pilot actions (their region, proposers and the needs they
 * address).
 */
export async function readDemandSupply(db: Database): Promise<DemandSupplyFacts> {
  const [row] = await db.read<Fetched>(
    `CALL () {
  MATCH (n:Need)
  RETURN collect({ node: properties(n), regionCodes: COLLECT {
    MATCH (n)-[:IDENTIFIED_IN|LOCATED_IN]->(r:Region) RETURN r.code AS code
    UNION
    MATCH (n)-[:IDENTIFIED_IN]->()-[:LOCATED_IN]->(r:Region) RETURN r.code AS code
  } }) AS needs
}
CALL () {
  CALL () {
    MATCH (o:Organisation) WHERE size(coalesce(o.capabilities, [])) > 0
    RETURN { label: 'Organisation', node: properties(o), addresses: [],
      regionCodes: COLLECT { MATCH (o)-[:LOCATED_IN]->(r:Region) RETURN r.code },
      partners: [{ id: o.id, name: o.name }] } AS offer
    UNION
    MATCH (g:GoodPractice)
    RETURN { label: 'GoodPractice', node: properties(g), addresses: [],
      regionCodes: COLLECT { MATCH (g)-[:TESTS|ORIGINATES_FROM]-(:Organisation)-[:LOCATED_IN]->(r:Region) RETURN DISTINCT r.code },
      partners: COLLECT { MATCH (g)-[:TESTS|ORIGINATES_FROM]-(o:Organisation) RETURN DISTINCT { id: o.id, name: o.name } } } AS offer
    UNION
    MATCH (p:PilotAction)
    RETURN { label: 'PilotAction', node: properties(p),
      addresses: COLLECT { MATCH (p)-[:ADDRESSES]->(n:Need) RETURN n.id },
      regionCodes: COLLECT { MATCH (p)-[:LOCATED_IN]->(r:Region) RETURN r.code },
      partners: COLLECT { MATCH (o:Organisation)-[:PROPOSES]->(p) RETURN { id: o.id, name: o.name } } } AS offer
  }
  RETURN collect(offer) AS offers
}
RETURN needs, offers`,
  );
  const partnerNames = new Map<string, string>();
  const needs = (row?.needs ?? []).map((need): NeedWithRow => {
    const needRow = toRow('Need', need.node);
    return {
      id: needRow.id,
      text: needRow.text,
      regionCode: need.regionCodes.length === 1 ? (need.regionCodes[0] as string) : null,
      regionCodes: need.regionCodes,
      row: needRow,
    };
  });
  const offers = (row?.offers ?? []).map((fetched): OfferWithRow => {
    for (const partner of fetched.partners) partnerNames.set(partner.id, partner.name);
    const props = fetched.node;
    const offerRow = toRow(fetched.label as NodeLabel, props) as OfferWithRow['row'];
    const kind =
      fetched.label === 'Organisation'
        ? 'CAPABILITY'
        : fetched.label === 'GoodPractice'
          ? 'GOOD_PRACTICE'
          : 'PILOT_ACTION';
    return {
      id: String(props.id),
      kind,
      name: text(props.name ?? props.title),
      text: [props.capabilities, props.description, props.serviceType, props.objectives].map(text).join(' '),
      regionCodes: fetched.regionCodes,
      partnerIds: fetched.partners.map((partner) => partner.id),
      addressesNeedIds: fetched.addresses,
      row: offerRow,
    };
  });
  return { needs, offers, partnerNames };
}
