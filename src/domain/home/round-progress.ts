import type { AssessmentState } from '../assessment/workflow'

/** Where an authority stands in a round, as the people running the round count it. */
export const STAGES = ['not_started', 'in_progress', 'submitted', 'moderated'] as const
export type Stage = (typeof STAGES)[number]

export const STAGE_LABELS: Record<Stage, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Submitted, awaiting or in moderation',
  moderated: 'Moderated',
}

const STAGE_OF: Record<AssessmentState, Stage> = {
  not_started: 'not_started',
  in_progress: 'in_progress',
  // Returned for changes: the borough has the work again.
  returned: 'in_progress',
  submitted: 'submitted',
  in_moderation: 'submitted',
  moderated: 'moderated',
}

export const stageOf = (state: AssessmentState): Stage => STAGE_OF[state]

/** The round's authorities in each stage, in the order given. */
export function roundProgress<T extends { state: AssessmentState }>(assessments: readonly T[]): Record<Stage, T[]> {
  const byStage: Record<Stage, T[]> = { not_started: [], in_progress: [], submitted: [], moderated: [] }
  for (const a of assessments) byStage[stageOf(a.state)].push(a)
  return byStage
}
