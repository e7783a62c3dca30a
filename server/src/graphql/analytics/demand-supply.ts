import { isInRegion, matchDemandSupply, OFFER_KINDS, type SupplyMatch } from '@clustergraph/analytics';
import { fromGlobalId } from '@clustergraph/schema';
import type { NeedWithRow, OfferWithRow } from '../../db/analytics/demand-supply.ts';
import { builder } from '../builder.ts';
import { BadInputError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../paging.ts';
import { unplanned } from '../reads.ts';
import { GoodPracticeRef, NeedRef, OrganisationRef, PilotActionRef } from '../refs.ts';
import { analyticsCacheOf } from './cache.ts';

const OfferKind = builder.enumType('OfferKind', {
  description:
    'CAPABILITY: an organisation’s stated capabilities; GOOD_PRACTICE: a practice tested by partners; PILOT_ACTION: a pilot action proposed for a region.',
  values: OFFER_KINDS,
});

const Offer = builder.unionType('Offer', {
  description:
    'What may answer a need: an organisation (its capabilities), a good practice or a pilot action.',
  types: [OrganisationRef, GoodPracticeRef, PilotActionRef],
  resolveType: (row) => (row as { label: string }).label as 'Organisation' | 'GoodPractice' | 'PilotAction',
});

type MatchShape = SupplyMatch & { offer: OfferWithRow; reason: string; transferTo: string | null };

const SupplyMatchRef = builder.objectRef<MatchShape>('SupplyMatch').implement({
  description: 'An offer that may answer a need, with its relevance and the words that matched.',
  extensions: unplanned,
  fields: (t) => ({
    kind: t.field({ type: OfferKind, resolve: (m) => m.offer.kind }),
    offer: t.field({ type: Offer, resolve: (m) => m.offer.row as never }),
    name: t.string({ resolve: (m) => m.offer.name }),
    score: t.float({
      description:
        '0 to 1: 1 when a source states it addresses the need, else its text relevance (BM25) relative to the best match.',
      resolve: (m) => m.score,
    }),
    stated: t.boolean({
      description: 'Whether a source states it addresses the need.',
      resolve: (m) => m.stated,
    }),
    matchedWords: t.stringList({
      description:
        'The need’s words found in it, as the need writes them (diacritics and word endings ignored).',
      resolve: (m) => m.matchedWords,
    }),
    regionCodes: t.stringList({
      description: 'Where it is, or for a good practice where the partners that tested it are.',
      resolve: (m) => [...m.offer.regionCodes],
    }),
    transferTo: t.string({
      nullable: true,
      description: 'For an offer from elsewhere, the need’s region it could transfer to.',
      resolve: (m) => m.transferTo,
    }),
    reason: t.string({
      description: 'One sentence: why it matches, and from whom it could transfer.',
      resolve: (m) => m.reason,
    }),
  }),
});

type DemandShape = {
  need: NeedWithRow | null;
  text: string;
  regionCode: string | null;
  matches: MatchShape[];
};

const DemandMatchesRef = builder.objectRef<DemandShape>('DemandMatches').implement({
  description: 'A need and the offers that may answer it, best first.',
  extensions: unplanned,
  fields: (t) => ({
    need: t.field({
      type: NeedRef,
      nullable: true,
      description: 'Null for a text asked.',
      resolve: (d) => d.need?.row ?? null,
    }),
    text: t.string({ resolve: (d) => d.text }),
    regionCode: t.string({
      nullable: true,
      description: 'The region it was identified in.',
      resolve: (d) => d.regionCode,
    }),
    matches: t.field({ type: [SupplyMatchRef], resolve: (d) => d.matches }),
  }),
});

const names = (ids: readonly string[], partnerNames: ReadonlyMap<string, string>) =>
  ids.map((id) => partnerNames.get(id) ?? id);

builder.queryField('demandSupply', (t) =>
  t.field({
    type: [DemandMatchesRef],
    description:
      'The regional market of innovation demand and supply: needs (one, those identified in a region, or a text) matched to organisations’ capabilities, good practices and pilot actions that answer them, with a relevance score and the words that matched, in English, Romanian or French, diacritics ignored; a good practice from elsewhere says which region it could transfer to and from which partners. Read once per dataset version.',
    args: {
      needId: t.arg.id({ required: false, description: 'Global id of a need.' }),
      regionCode: t.arg.string({
        required: false,
        description: 'The needs identified in this region (NUTS code, sub-regions included).',
      }),
      text: t.arg.string({ required: false, description: 'A need in words, instead of a stored one.' }),
      kinds: t.arg({ type: [OfferKind], required: false, description: 'Only offers of these kinds.' }),
      first: t.arg.int({
        required: false,
        description: `Offers per need, 1 to ${MAX_PAGE_SIZE} (default 10).`,
      }),
    },
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 10 }),
    resolve: async (_root, args, ctx) => {
      const first = args.first ?? 10;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
        throw new BadInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
      const given = [args.needId, args.regionCode, args.text].filter(
        (value) => value !== null && value !== undefined,
      );
      if (given.length !== 1)
        throw new BadInputError('needId', 'give exactly one of needId, regionCode and text');
      if (
        args.text !== null &&
        args.text !== undefined &&
        (args.text.trim() === '' || args.text.length > 500)
      )
        throw new BadInputError('text', 'must be 1 to 500 characters');
      const facts = await analyticsCacheOf(ctx.db).demandSupply();
      let needs: { need: NeedWithRow | null; text: string; regionCode: string | null; id: string | null }[];
      if (args.needId) {
        const decoded = fromGlobalId(String(args.needId));
        if (!decoded || decoded.label !== 'Need')
          throw new BadInputError('needId', `"${args.needId}" is not the global id of a Need`);
        const need = facts.needs.find((candidate) => candidate.id === decoded.id);
        if (!need) return [];
        needs = [{ need, text: need.text, regionCode: need.regionCode, id: need.id }];
      } else if (args.regionCode) {
        const code = args.regionCode;
        needs = facts.needs
          .filter((need) => need.regionCodes.some((region) => isInRegion(region, code)))
          .map((need) => ({ need, text: need.text, regionCode: need.regionCode ?? code, id: need.id }));
      } else {
        needs = [{ need: null, text: String(args.text), regionCode: null, id: null }];
      }
      const matched = matchDemandSupply(needs, facts.offers, { first, kinds: args.kinds ?? null });
      return matched.map(({ demand, matches }, i) => {
        const need = needs[i] as (typeof needs)[number];
        return {
          need: need.need,
          text: demand.text,
          regionCode: demand.regionCode,
          matches: matches.map((match) => {
            const offer = match.offer as OfferWithRow;
            const home = demand.regionCode;
            const elsewhere =
              home !== null &&
              offer.regionCodes.length > 0 &&
              !offer.regionCodes.some((code) => isInRegion(code, home.slice(0, 4)));
            const partners = names(offer.partnerIds, facts.partnerNames);
            const words = match.stated
              ? 'a source states it addresses this need'
              : `shares the words ${match.matchedWords.map((word) => `“${word}”`).join(', ')}`;
            const from =
              partners.length === 0
                ? ''
                : offer.kind === 'GOOD_PRACTICE'
                  ? `; tested by ${partners.join(', ')}${offer.regionCodes.length > 0 ? ` (${offer.regionCodes.join(', ')})` : ''}`
                  : offer.kind === 'PILOT_ACTION'
                    ? `; proposed by ${partners.join(', ')}`
                    : '';
            const transfer = elsewhere && home ? `; could transfer to ${home}` : '';
            return {
              ...match,
              offer,
              transferTo: elsewhere ? home : null,
              reason: `${words}${from}${transfer}`,
            };
          }),
        };
      });
    },
  }),
);
