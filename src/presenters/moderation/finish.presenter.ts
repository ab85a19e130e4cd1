import { paths } from '../../paths'
import type { FormErrors } from '../form-errors'
import { plural } from '../../domain/format/plurals'

/** A scored question still without a moderated level, as the complete page names it. */
export interface Unmoderated {
  sectionKey: string
  sectionTitle: string
  questionKey: string
  prompt: string
}

export interface CompleteView {
  backLink: string
  heading: string
  /** What completing does, one sentence an item; empty when it cannot be done yet. */
  consequences: string[]
  /** While questions are unmoderated: what to do, and each question linked to its place in its section. */
  blocked: { text: string; items: { href: string; text: string }[] } | null
  form: { action: string; comment: string; commentError: string | undefined; maxLength: number } | null
  cancelHref: string
}

/** The error summary's list: each unmoderated question, named with its section, linked to it. */
export function unmoderatedErrors(
  id: number,
  questions: readonly Unmoderated[],
  fieldId: (key: string) => string,
): FormErrors {
  return {
    summary: questions.map(q => ({
      text: `Moderate “${q.prompt}” in ${q.sectionTitle}`,
      href: `${paths.moderationSection(id, q.sectionKey)}#question-${fieldId(q.questionKey)}`,
    })),
    fields: {},
  }
}

/** The "Are you sure" page before completing, or, while questions are unmoderated, what is left. */
export function completeView(input: {
  assessment: { id: number }
  organisationName: string
  unmoderated: readonly Unmoderated[]
  fieldId: (key: string) => string
  maxLength: number
  comment?: string
  errors?: FormErrors
}): CompleteView {
  const { id } = input.assessment
  const left = input.unmoderated.length
  const cancelHref = paths.moderation(id)
  if (left > 0) {
    return {
      backLink: cancelHref,
      heading: 'You cannot complete moderation yet',
      consequences: [],
      blocked: {
        text: `${plural(left, 'scored question is', 'scored questions are')} not moderated. Give ${left === 1 ? 'it a level' : 'each a level'}, or agree with the borough on the rest of a theme, then complete moderation.`,
        items: unmoderatedErrors(id, input.unmoderated, input.fieldId).summary.map(e => ({
          href: e.href,
          text: e.text,
        })),
      },
      form: null,
      cancelHref,
    }
  }
  return {
    backLink: cancelHref,
    heading: `Are you sure you want to complete moderation of ${input.organisationName}?`,
    consequences: [
      'The final scores will use the moderated levels.',
      `${input.organisationName} will see the moderated levels, the final scores and your comment.`,
      'You cannot undo this: the assessment cannot be moderated again.',
    ],
    blocked: null,
    form: {
      action: paths.moderationComplete(id),
      comment: input.comment ?? '',
      commentError: input.errors?.fields.comment,
      maxLength: input.maxLength,
    },
    cancelHref,
  }
}

export interface ReturnView {
  backLink: string
  heading: string
  action: string
  comment: string
  commentError: string | undefined
  hint: string
  maxLength: number
  cancelHref: string
}

/** The page that returns an assessment to the borough, asking what it needs to change. */
export function returnView(input: {
  assessment: { id: number }
  organisationName: string
  maxLength: number
  comment?: string
  errors?: FormErrors
}): ReturnView {
  const { id } = input.assessment
  return {
    backLink: paths.moderation(id),
    heading: `Return the assessment to ${input.organisationName}`,
    action: paths.moderationReturn(id),
    comment: input.comment ?? '',
    commentError: input.errors?.fields.comment,
    // The limit is said by the character count under the box.
    hint: `Say what ${input.organisationName} needs to change before it submits again. They will see this comment.`,
    maxLength: input.maxLength,
    cancelHref: paths.moderation(id),
  }
}
