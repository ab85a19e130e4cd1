import { paths } from '../../paths'
import type { CarryOverResult } from '../../services/assessments/assessment.service'
import type { AssessmentView } from '../../services/assessments/view-assessment.service'
import type { CheckView } from '../admin/check.presenter'
import { noun, plural } from '../../domain/format/plurals'

/** A message shown once on the next page, as the layout's flash banner prints it. */
export interface FlashMessage {
  type: 'success' | 'important'
  heading: string
  body?: string
  items?: string[]
}

/** After taking last round's answers: how many were carried, and which questions kept this round's answer. */
export function carriedFlash(result: CarryOverResult): FlashMessage {
  const confirm = 'Each is marked “confirm or change”: check each one before you submit.'
  const heading =
    result.carried === 0
      ? `No answers carried over from ${result.from}`
      : `${plural(result.carried, 'answer')} carried over from ${result.from}`
  if (result.kept.length === 0) return { type: 'success', heading, body: confirm }
  const kept = `${plural(result.kept.length, 'question')} you had already answered ${noun(result.kept.length, 'was', 'were')} kept as ${noun(result.kept.length, 'it is', 'they are')}:`
  return {
    type: 'success',
    heading,
    body: result.carried === 0 ? kept : `${confirm} ${kept}`,
    items: result.kept.map(k => k.prompt),
  }
}

/** After starting without last round's answers. */
export function declinedFlash(from: string): FlashMessage {
  return {
    type: 'success',
    heading: `You are starting without ${from}’s answers`,
    body: 'Nothing was carried over. The offer has gone for everyone in your council.',
  }
}

/** "Are you sure" before starting without last round's answers: the offer then goes for the whole council. */
export function declineCheckView(view: AssessmentView): CheckView {
  const { id } = view.assessment
  const from = view.carryOver.available ? view.carryOver.from : undefined
  return {
    backHref: paths.assessment(id),
    backText: 'Back to the assessment',
    caption: `${view.organisation.name}: ${view.round.name}`,
    summary: [],
    explanation: [
      `Nothing from ${from ?? 'the earlier round'} will be copied into this assessment. Your council answers every question afresh.`,
      'The offer goes away for everyone in your council, not just for you.',
    ],
    warning: `This cannot be undone: ${from ?? 'the earlier round'}’s answers cannot be brought in later.`,
    action: paths.assessmentCarryOverDecline(id),
    buttonText: `Start without ${from ?? 'them'}`,
    buttonClasses: 'govuk-button--warning',
    cancelText: 'Keep the offer',
    refusal: from
      ? null
      : 'There is no offer to decline: your council has already chosen whether to start from the earlier round’s answers, or the assessment can no longer be changed.',
  }
}
