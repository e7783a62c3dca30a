import { isoCountryOfNuts } from '@clustergraph/schema';
import { distance } from 'fastest-levenshtein';
import { normaliseName, normaliseVat } from './names.ts';
import type { GraphState } from './state.ts';
import type { MatchKeys } from './statement.ts';

/** A pair that looks like one organisation but is not certain: listed for a person, not merged. */
export type UncertainMatch = {
  stated: string;
  statedName: string;
  existing: string;
  existingName: string;
  country: string;
  similarity: number;
  why: string;
};

/** Names this close (1 - edit distance / length of the longer, on normalised names) are listed. */
export const NEAR_DUPLICATE_SIMILARITY = 0.85;

type Keyed = { id: string; keys: MatchKeys };

/** Organisations whose country no source states: a name alike is listed, never merged. */
const UNKNOWN_COUNTRY = '?';

/** Match keys of the graph's nodes: their properties and what each import stated. */
function keysOfGraph(state: GraphState): Keyed[] {
  const keyed: Keyed[] = [];
  for (const node of state.nodes.values()) {
    const views = [node.props, ...node.claims.map((claim) => claim.stated)];
    const located = node.regionCodes[0] === undefined ? undefined : isoCountryOfNuts(node.regionCodes[0]);
    for (const view of views) {
      if (node.label === 'Organisation') {
        keyed.push({
          id: node.id,
          keys: {
            label: 'Organisation',
            ...text('pic', view.pic),
            ...text('vat', view.vat),
            ...text('name', view.name),
            ...text('country', view.country ?? located),
          },
        });
      } else if (node.label === 'Project') {
        keyed.push({
          id: node.id,
          keys: { label: 'Project', ...text('rcn', view.rcn), ...text('code', view.code) },
        });
      }
    }
  }
  return keyed;
}

function text<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as Record<K, string>) : {};
}

/**
 * Finds, for each stated organisation or project, the node of the graph it is: an organisation
 * by PIC, then VAT, then normalised name + country (one candidate only); a project by CORDIS
 * record number, then project number. Names that are close but not equal in the same country
 * are returned as uncertain and not merged.
 */
export function matchStated(
  stated: ReadonlyMap<string, MatchKeys>,
  state: GraphState,
): { resolved: Map<string, string>; uncertain: UncertainMatch[] } {
  const byPic = new Map<string, string>();
  const byVat = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const namesByCountry = new Map<string, Map<string, { id: string; name: string }>>();
  const byRcn = new Map<string, string>();
  const byCode = new Map<string, string>();
  for (const { id, keys } of keysOfGraph(state)) {
    if (keys.label === 'Organisation') {
      if (keys.pic) byPic.set(keys.pic, id);
      if (keys.vat) byVat.set(normaliseVat(keys.vat), id);
      if (keys.name) {
        const normalised = normaliseName(keys.name);
        const country = keys.country ?? UNKNOWN_COUNTRY;
        const key = `${country}|${normalised}`;
        byName.set(key, (byName.get(key) ?? new Set()).add(id));
        const inCountry = namesByCountry.get(country) ?? new Map();
        inCountry.set(normalised, { id, name: keys.name });
        namesByCountry.set(country, inCountry);
      }
    } else {
      if (keys.rcn) byRcn.set(keys.rcn, id);
      if (keys.code) byCode.set(keys.code, id);
    }
  }

  const resolved = new Map<string, string>();
  const uncertain: UncertainMatch[] = [];
  for (const [statedId, keys] of stated) {
    if (state.nodes.has(statedId)) continue;
    if (keys.label === 'Project') {
      const found = (keys.rcn && byRcn.get(keys.rcn)) || (keys.code && byCode.get(keys.code));
      if (found) resolved.set(statedId, found);
      continue;
    }
    const found =
      (keys.pic && byPic.get(keys.pic)) ||
      (keys.vat && byVat.get(normaliseVat(keys.vat))) ||
      (keys.name && keys.country && single(byName.get(`${keys.country}|${normaliseName(keys.name)}`)));
    if (found) {
      resolved.set(statedId, found);
      continue;
    }
    if (!keys.name || !keys.country) continue;
    const normalised = normaliseName(keys.name);
    const sameNameNoCountry = single(byName.get(`${UNKNOWN_COUNTRY}|${normalised}`));
    const near = sameNameNoCountry
      ? {
          id: sameNameNoCountry,
          name: namesByCountry.get(UNKNOWN_COUNTRY)?.get(normalised)?.name ?? keys.name,
          similarity: 1,
          why: 'the same name, but the graph does not say its country',
        }
      : (nearDuplicate(normalised, namesByCountry.get(keys.country)) ??
        nearDuplicate(normalised, namesByCountry.get(UNKNOWN_COUNTRY)));
    if (near) {
      uncertain.push({
        stated: statedId,
        statedName: keys.name,
        existing: near.id,
        existingName: near.name,
        country: keys.country,
        similarity: near.similarity,
        why: near.why,
      });
    }
  }
  return { resolved, uncertain };
}

function single(ids: Set<string> | undefined): string | undefined {
  return ids?.size === 1 ? [...ids][0] : undefined;
}

function nearDuplicate(
  name: string,
  candidates: ReadonlyMap<string, { id: string; name: string }> | undefined,
): { id: string; name: string; similarity: number; why: string } | null {
  if (!candidates || name.length < 4) return null;
  let best: { id: string; name: string; similarity: number; why: string } | null = null;
  for (const [candidate, node] of candidates) {
    const longer = Math.max(candidate.length, name.length);
    if (Math.min(candidate.length, name.length) / longer < 0.6 && !contains(candidate, name)) continue;
    const similarity = 1 - distance(candidate, name) / longer;
    const why =
      similarity >= NEAR_DUPLICATE_SIMILARITY
        ? `names ${Math.round(similarity * 100)}% alike after normalising`
        : contains(candidate, name)
          ? 'one name contains the other'
          : null;
    if (why && (!best || similarity > best.similarity)) best = { ...node, similarity, why };
  }
  return best;
}

/** Whole words of the shorter name all in the longer one ("Politehnica Bucuresti" in "Universitatea Politehnica Bucuresti"). */
function contains(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const words = new Set(longer.split(' '));
  const needed = shorter.split(' ');
  return needed.length >= 2 && needed.every((word) => words.has(word));
}
