/**
 * Folds text the way the full-text index's `standard-folding` analyzer does (lower case, no
 * diacritics), so "Iași" and "iasi" meet. Used to build search terms, which Lucene does not
 * analyse when they carry a wildcard.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The English stop words Lucene's standard analyzers drop from the index: a query that requires
 * one ("Union of innovation") would match nothing, so search leaves them out.
 */
export const INDEX_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

const ISO_OF_NUTS_COUNTRY: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' };

/** ISO 3166-1 alpha-2 code of a NUTS country code (NUTS writes Greece EL and the United Kingdom UK). */
export function isoCountryOfNuts(nutsCode: string): string {
  const country = nutsCode.slice(0, 2).toUpperCase();
  return ISO_OF_NUTS_COUNTRY[country] ?? country;
}
