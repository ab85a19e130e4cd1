/**
 * The assessment workflow: the one place that says which moves are allowed. Services ask it before every
 * change of state; nothing else decides.
 */
export const STATES = ['not_started', 'in_progress', 'submitted', 'in_moderation', 'returned', 'moderated'] as const
export type AssessmentState = (typeof STATES)[number]

export const ACTIONS = ['start', 'submit', 'open_moderation', 'return', 'complete'] as const
export type WorkflowAction = (typeof ACTIONS)[number]

const MOVES: Record<WorkflowAction, Partial<Record<AssessmentState, AssessmentState>>> = {
  // The first saved answer starts an assessment.
  start: { not_started: 'in_progress' },
  submit: { in_progress: 'submitted', returned: 'submitted' },
  open_moderation: { submitted: 'in_moderation' },
  return: { in_moderation: 'returned' },
  complete: { in_moderation: 'moderated' },
}

export const STATE_LABELS: Record<AssessmentState, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Submitted',
  in_moderation: 'In moderation',
  returned: 'Returned for changes',
  moderated: 'Moderated',
}

export type Transition = { allowed: true; to: AssessmentState } | { allowed: false; reason: string }

export function transition(from: AssessmentState, action: WorkflowAction): Transition {
  const to = MOVES[action][from]
  if (to) return { allowed: true, to }
  return {
    allowed: false,
    reason: `An assessment that is ${STATE_LABELS[from].toLowerCase()} cannot be ${ACTION_PAST[action]}`,
  }
}

const ACTION_PAST: Record<WorkflowAction, string> = {
  start: 'started',
  submit: 'submitted',
  open_moderation: 'opened for moderation',
  return: 'returned',
  complete: 'completed',
}

/** Respondents may change answers only in these states (and only while the round is open). */
export function respondentsMayEdit(state: AssessmentState): boolean {
  return state === 'not_started' || state === 'in_progress' || state === 'returned'
}

export function isAssessmentState(value: unknown): value is AssessmentState {
  return typeof value === 'string' && (STATES as readonly string[]).includes(value)
}
