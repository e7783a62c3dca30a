import { normaliseSearchText } from '@clustergraph/schema';
import MiniSearch from 'minisearch';

/**
 * The regional market of innovation demand and supply the documents ask for (000: "lack of a
 * single regional market for the offer and demand on innovation"; 001: "regional database of
 * demand/supply of technologies"): needs matched to what answers them, by their words.
 */

/** A need: a Need node (gap, need, opportunity) or a text an agency types. */
export type Demand = { id: string | null; text: string; regionCode: string | null };

export const OFFER_KINDS = ['CAPABILITY', 'GOOD_PRACTICE', 'PILOT_ACTION'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Something that may answer a need: an organisation's capabilities, a good practice, a pilot action. */
export type Offer = {
  id: string;
  kind: OfferKind;
  name: string;
  /** Its words: capabilities, description, service type, objectives. */
  text: string;
  /** Where it is (an organisation's region, a pilot action's), or where it was tested (a good practice). */
  regionCodes: readonly string[];
  /** The organisations behind it: the capable organisation, those that tested or originated a practice, the proposers. */
  partnerIds: readonly string[];
  /** Needs a source states it addresses (a pilot action's ADDRESSES). */
  addressesNeedIds: readonly string[];
};

export type SupplyMatch = {
  offer: Offer;
  /** 0 to 1: 1 when a source states the offer addresses the need, else the text relevance relative to the best match. */
  score: number;
  /** The need's words found in the offer (as the need writes them). */
  matchedWords: string[];
  /** True when a source states the offer addresses the need. */
  stated: boolean;
};

/**
 * Words too common to say what a need is about, in the documents' languages (English, Romanian,
 * French), after diacritics are folded. Kept short: a domain word must never be dropped.
 */
const STOP_WORDS = new Set(
  `a an and are as at be between by for from has have in into is it its of on or the their to with within via
  all any more less new other own such than that these this those which who
  si sau ale al ai cu de din la in pe pentru prin sa se un una unei unui este sunt care mai ca nu
  et ou le la les des du de d l en un une pour par sur dans avec aux au est sont qui que plus`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The term a word is indexed and searched under: folded (case, diacritics: "cooperare" meets
 * "cooperáre"), and cut to its first seven letters, a stem that joins the forms of one word across
 * the three languages' endings ("innovation", "innovative", "innovations"; "cooperation",
 * "cooperare", "coopération").
 */
export function termOf(word: string): string | null {
  const folded = normaliseSearchText(word).replace(/[^a-z0-9]/g, '');
  if (folded.length < 3 || STOP_WORDS.has(folded) || /^\d+$/.test(folded)) return null;
  return folded.slice(0, 7);
}

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * For each need, the offers whose words it shares, best first (BM25 over the offers' names and
 * texts, via MiniSearch, the name weighing double), each with the words that matched; offers a
 * source states address the need come first with score 1. `first` per need; kinds to keep.
 */
export function matchDemandSupply(
  demands: readonly Demand[],
  offers: readonly Offer[],
  options: { first?: number; kinds?: readonly OfferKind[] | null } = {},
): { demand: Demand; matches: SupplyMatch[] }[] {
  const first = options.first ?? 10;
  const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null;
  const kept = offers.filter((offer) => kinds === null || kinds.has(offer.kind));
  const byId = new Map(kept.map((offer) => [offer.id, offer]));
  const index = new MiniSearch<Offer>({
    fields: ['name', 'text'],
    idField: 'id',
    tokenize: wordsOf,
    processTerm: (term) => termOf(term),
    searchOptions: { boost: { name: 2 }, combineWith: 'OR' },
  });
  index.addAll(kept);
  return demands.map((demand) => {
    const stemsToWords = new Map<string, string[]>();
    for (const word of wordsOf(demand.text)) {
      const term = termOf(word);
      if (!term) continue;
      const list = stemsToWords.get(term) ?? [];
      if (!list.includes(word)) list.push(word);
      stemsToWords.set(term, list);
    }
    const stated = demand.id
      ? kept.filter((offer) => offer.addressesNeedIds.includes(demand.id as string))
      : [];
    const statedIds = new Set(stated.map((offer) => offer.id));
    const results = stemsToWords.size === 0 ? [] : index.search(demand.text);
    const best = results[0]?.score ?? 1;
    const matches: SupplyMatch[] = [
      ...stated.map((offer) => ({
        offer,
        score: 1,
        stated: true,
        matchedWords: [...stemsToWords.entries()]
          .filter(([term]) =>
            [offer.name, offer.text].some((text) => wordsOf(text).some((w) => termOf(w) === term)),
          )
          .flatMap(([, words]) => words),
      })),
      ...results
        .filter((result) => !statedIds.has(String(result.id)))
        .map((result) => ({
          offer: byId.get(String(result.id)) as Offer,
          score: result.score / best,
          stated: false,
          matchedWords: result.terms.flatMap((term) => stemsToWords.get(term) ?? []),
        })),
    ];
    return { demand, matches: matches.slice(0, first) };
  });
}
