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
