import { type NodeLabel, nodeModel } from './model.ts';
import { foldText } from './text.ts';

/**
 * The one tokenizer of search. The loader writes the tokens of a node's names into the
 * `SEARCH_FIELDS` properties (space-separated) and the full-text index splits them on
 * whitespace only, so the index holds exactly these tokens; the query builder makes its terms
 * with the same function. Index and query therefore agree on dots in acronyms (T.R.E.C.),
 * numbers with dots (2.1), hyphens, quotes and the spellings of the documents' languages.
 */

/** Letters that Unicode decomposition does not reduce to a base letter. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ħ: 'h',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/** Greek in Latin letters (ELOT 743, simplified), so "Anatoliki" meets "Ανατολική". */
const GREEK: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

/**
 * Lower case, no diacritics, special letters and Greek spelled in Latin, and the German
 * transcriptions ae/oe/ue read as the umlauts they stand for, so "Wirtschaftsfoerderung" and
 * "Wirtschaftsförderung" both become "wirtschaftsforderung". Both sides of search go through
 * it, so a word it changes (value -> valu) still meets itself.
 */
export function normaliseSearchText(text: string): string {
  return foldText(text)
    .replace(/ου/g, 'ou')
    .replace(/[^\p{ASCII}]/gu, (letter) => LETTERS[letter] ?? GREEK[letter] ?? letter)
    .replace(/ae|oe|ue/g, (pair) => pair.charAt(0));
}

/**
 * Characters that end a word outright (apostrophes too: "l'innovation" is "l" and "innovation");
 * anything else inside a chunk (. - &) joins its parts.
 */
const SEPARATORS = /[\s"'‘’`“”„«»‹›()[\]{}<>,;:!?/\\|+=*~^]+/u;
const PARTS = /[^\p{L}\p{N}]+/u;
const DOTTED_NUMBER = /^\p{N}+(?:[.,]\p{N}+)+$/u;
/** A word of more parts than this is matched by its joined form only (bounds the query). */
const MAX_SPLIT_PARTS = 4;

/**
 * One word as typed or written: `joined` is the form every spelling of it shares ("trec" for
 * T.R.E.C. and TREC, "2.1" for 2.1, "nordest" for Nord-Est); `parts` are its pieces when it has
 * several of two or more characters each ("nord", "est"), so "Nord Est" meets "Nord-Est".
 * A query word matches its joined form or all of its parts.
 */
export type SearchWord = { joined: string; parts: string[] };

export function searchWords(text: string): SearchWord[] {
  const words: SearchWord[] = [];
  for (const chunk of normaliseSearchText(text).split(SEPARATORS)) {
    const pieces = chunk.split(PARTS).filter((piece) => piece.length > 0);
    if (pieces.length === 0) continue;
    const trimmed = chunk.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (pieces.length === 1) {
      words.push({ joined: pieces[0] as string, parts: [] });
    } else if (DOTTED_NUMBER.test(trimmed)) {
      // Never split in a query: "2.1" is not "2 and 1" (its pieces are indexed, see searchTokens).
      words.push({ joined: trimmed.replace(/,/g, '.'), parts: [] });
    } else {
      const splittable = pieces.length <= MAX_SPLIT_PARTS && pieces.every((piece) => piece.length > 1);
      words.push({ joined: pieces.join(''), parts: splittable ? pieces : [] });
    }
  }
  return words;
}

/** The tokens the index holds for a text: every word's joined form and its parts. */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const word of searchWords(text)) {
    tokens.add(word.joined);
    for (const part of word.parts) tokens.add(part);
  }
  // Every piece of a dotted number is a token too: "2" finds "2.1".
  for (const word of searchWords(text)) {
    if (DOTTED_NUMBER.test(word.joined)) for (const piece of word.joined.split('.')) tokens.add(piece);
  }
  return [...tokens];
}

/**
 * The properties the loader writes for search, most telling first: the name itself, then what
 * else names the node (local name, acronym, other spellings the documents use), then the names
 * of the sectors it is active in (written by the loader from the sectors' own SEARCH_FIELDS).
 */
export const SEARCH_FIELDS = {
  searchName: ['name', 'title', 'text', 'code'],
  searchAlso: ['nameLocal', 'acronym', 'aliases', 'titleLocal'],
  searchSectors: [],
} as const satisfies Record<string, readonly string[]>;
export type SearchField = keyof typeof SEARCH_FIELDS;
export const SEARCH_FIELD_NAMES = Object.keys(SEARCH_FIELDS) as SearchField[];

/** The search properties of a node, from its own props (all but searchSectors). */
export function searchProperties(label: NodeLabel, props: Readonly<Record<string, unknown>>) {
  const shape = nodeModel[label].properties;
  const fieldText = (names: readonly string[]) => {
    const values = names
      .filter((name) => Object.hasOwn(shape, name))
      .flatMap((name) => {
        const value = props[name];
        if (typeof value === 'string') return [value];
        return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
      });
    return searchTokens(values.join(' ')).join(' ');
  };
  return { searchName: fieldText(SEARCH_FIELDS.searchName), searchAlso: fieldText(SEARCH_FIELDS.searchAlso) };
}
