import { CALENDAR_DATE_RULE, isCalendarDate, NEED_KINDS } from '@clustergraph/schema';
import { z } from 'zod';

/*
 * The forms check what the API checks (the same date rule from @clustergraph/schema), so most
 * mistakes are said before a request; whatever the API still refuses is shown on the same field
 * (its BAD_USER_INPUT names the input path, and the form fields are named after the input's).
 */

/** An optional text: blank means "not stated" (sent as null). */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is at most ${max} characters.`)
    .transform((text) => (text === '' ? null : text));

export const membershipRules = z.object({
  role: optionalText(80, 'The role'),
  since: z
    .string()
    .trim()
    .refine(
      (since) => since === '' || isCalendarDate(since),
      `Since must be ${CALENDAR_DATE_RULE}, e.g. 2019 or 2019-04.`,
    )
    .transform((since) => (since === '' ? null : since)),
});
export type MembershipFields = z.input<typeof membershipRules>;

export const addMemberRules = membershipRules.extend({
  organisationId: z
    .string()
    .min(1, 'Choose the organisation to add: type its name and pick it from the list.'),
});
export type AddMemberFields = z.input<typeof addMemberRules>;

export const needRules = z.object({
  text: z
    .string()
    .trim()
    .min(10, 'Say what is needed in a sentence (at least 10 characters).')
    .max(2000, 'A need is at most 2,000 characters.'),
  kind: z.enum(NEED_KINDS, 'Choose whether it is a gap, a need or an opportunity.'),
  regionCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (code) => code === '' || /^[A-Z]{2}[A-Z0-9]{0,3}$/.test(code),
      'A NUTS code is 2 letters and up to 3 more letters or digits, e.g. RO21.',
    )
    .transform((code) => (code === '' ? null : code)),
});
export type NeedFields = z.input<typeof needRules>;

/** Who states the change: a document and where in it, or the editor's own statement (a note). */
export const sourceRules = z
  .object({
    note: z.string().trim().max(1000, 'The note is at most 1,000 characters.'),
    document: z.string().trim().max(300, 'The document is at most 300 characters.'),
    section: z.string().trim().max(300, 'The section is at most 300 characters.'),
  })
  .superRefine((source, context) => {
    if (source.document !== '' && source.section === '') {
      context.addIssue({
        code: 'custom',
        path: ['section'],
        message: 'Say where in the document (page, table, paragraph).',
      });
    }
    if (source.document === '' && source.note === '') {
      context.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Every change needs a source: write why you state it, or name a document below.',
      });
    }
  })
  .transform((source) => ({
    note: source.note || null,
    document: source.document || null,
    section: source.section || null,
  }));
export type SourceFields = z.input<typeof sourceRules>;
