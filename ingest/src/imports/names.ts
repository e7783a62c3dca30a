import { foldText } from '@clustergraph/schema';

/**
 * Legal forms dropped before names are compared: "ACME SRL" and "Acme S.R.L." are one name.
 * Written without dots, since dots go first ("S.R.L." -> "srl", "e.V." -> "ev").
 */
const LEGAL_FORMS = new Set(
  (
    'srl sa sas sarl sasu spa srls scarl sl slu sa de cv gmbh ggmbh mbh ag kg ohg ev eg ug ltd limited plc ' +
    'llc llp inc corp co bv nv vzw asbl oy oyj ab as asa aps a s sro as doo dd kft zrt nyrt bt ' +
    'sp zoo spzoo ood ead ad eood ou uab sia ik ltda lda scrl cic'
  ).split(' '),
);

/** Words for "university" in the languages of the data, read as one word. */
const UNIVERSITY_WORDS = new Set(
  'universitatea universitat universitaet universite universita universidad universidade universiteit uniwersytet univerzita univerza univerzitet yliopisto universitet universiti univ uni'.split(
    ' ',
  ),
);

/** Other words that are the same across languages of the data. */
const SAME_WORDS: Readonly<Record<string, string>> = {
  institutul: 'institute',
  institut: 'institute',
  instituto: 'institute',
  istituto: 'institute',
  instytut: 'institute',
  tehnica: 'technical',
  technische: 'technical',
  tecnica: 'technical',
  politehnica: 'polytechnic',
  politecnico: 'polytechnic',
};

/** Function words that differ between "Universitatea Tehnica din Cluj" and "Technical University of Cluj". */
const LINK_WORDS = new Set('of din de del della di du des der the la le and si et und y e'.split(' '));

/**
 * The name as organisations are compared: no diacritics, case, punctuation or legal form, the
 * words for "university" and a few others read alike across languages, function words out,
 * words sorted (so "Universitatea Tehnica din Cluj-Napoca" meets "Technical University of Cluj-Napoca").
 */
export function normaliseName(name: string): string {
  const words = foldText(name)
    .replace(/\./g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const kept = words
    .filter((word) => !LEGAL_FORMS.has(word) && !LINK_WORDS.has(word))
    .map((word) => (UNIVERSITY_WORDS.has(word) ? 'university' : (SAME_WORDS[word] ?? word)));
  // A name made only of a legal form or link words ("SA") keeps its words.
  return (kept.length > 0 ? kept : words).sort().join(' ');
}

/** A VAT number as compared: upper case, letters and digits only ("RO 123.456" = "RO123456"). */
export function normaliseVat(vat: string): string {
  return vat.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
