import {
  ACTIONS,
  STATES,
  respondentsMayEdit,
  transition,
  type AssessmentState,
  type WorkflowAction,
} from '../../../src/domain/assessment/workflow'

// The whole table, written out by hand: every state × every action.
const expected: Record<AssessmentState, Partial<Record<WorkflowAction, AssessmentState>>> = {
  not_started: { start: 'in_progress' },
  in_progress: { submit: 'submitted' },
  submitted: { open_moderation: 'in_moderation' },
  in_moderation: { return: 'returned', complete: 'moderated' },
  returned: { submit: 'submitted' },
  moderated: {},
}

describe('the assessment workflow', () => {
  const cases = STATES.flatMap(state => ACTIONS.map(action => [state, action] as const))

  it('covers all 30 pairs of the 6 states and 5 actions', () => {
    expect(cases).toHaveLength(30)
    expect(Object.keys(expected)).toEqual([...STATES])
  })

  it.each(cases)('from %s, %s', (state, action) => {
    const to = expected[state][action]
    const result = transition(state, action)
    if (to) expect(result).toEqual({ allowed: true, to })
    else {
      expect(result.allowed).toBe(false)
      if (!result.allowed) expect(result.reason).toMatch(/^An assessment that is .+ cannot be /)
    }
  })

  it.each(STATES)('lets respondents edit %s only before submission or after a return', state => {
    expect(respondentsMayEdit(state)).toBe(['not_started', 'in_progress', 'returned'].includes(state))
  })

  it('never leaves moderated', () => {
    for (const action of ACTIONS) expect(transition('moderated', action).allowed).toBe(false)
  })
})
