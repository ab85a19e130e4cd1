import type { AnswerContent } from '../../src/domain/assessment/answer'
import { allQuestions, type Question } from '../../src/domain/questionnaire/definition'
import type { AssessmentState } from '../../src/domain/assessment/workflow'
import type { TestApp } from './test-app'

/**
 * Fills in and hands in an assessment straight through the repositories, for tests about what comes
 * after (reports, calibration, exports) that need many boroughs quickly. `level` picks each maturity
 * level (null leaves it unanswered, 'n/a' marks it not applicable); other questions get a valid answer,
 * or the value `values` gives by key (undefined leaves it unanswered). A checklist holds every capability.
 */
export async function fillAssessment(
  t: TestApp,
  assessmentId: number,
  level: (question: Question, index: number) => number | null | 'n/a',
  options: {
    state?: AssessmentState
    evidence?: string
    version?: number
    values?: Record<string, AnswerContent['value']>
  } = {},
): Promise<void> {
  const definition = (await t.services.questionnaires.get('london-digital-maturity', options.version ?? 2)).definition
  const rows = allQuestions(definition).flatMap(({ question }, index) => {
    const chosen = question.type === 'maturity' ? level(question, index) : 0
    if (chosen === null) return []
    const given = options.values && question.key in options.values
    if (given && options.values?.[question.key] === undefined) return []
    const content =
      chosen === 'n/a'
        ? { level: null, value: null, notApplicable: true, evidence: null }
        : question.type === 'maturity'
          ? { level: chosen, value: null, notApplicable: false, evidence: options.evidence ?? null }
          : {
              level: null,
              value: given
                ? (options.values?.[question.key] ?? null)
                : question.type === 'checklist'
                  ? question.options.map(o => o.value)
                  : question.type === 'choice'
                    ? question.options[0]!.value
                    : question.type === 'multi'
                      ? [question.options[0]!.value]
                      : question.type === 'number'
                        ? (question.min ?? 5)
                        : 'Some text',
              notApplicable: false,
              evidence: options.evidence ?? null,
            }
    return [{ assessmentId, questionKey: question.key, content, revision: 1, at: t.services.clock(), by: null }]
  })
  await t.repos.assessments.insertAnswers(rows)
  await t.repos.assessments.setState(assessmentId, options.state ?? 'submitted', { submittedAt: t.services.clock() })
}

/** Records an assessor's moderated levels directly, as a finished moderation would leave them. */
export async function recordModerations(
  t: TestApp,
  assessmentId: number,
  assessorId: number,
  levels: Record<string, { level: number; rationale?: string }>,
): Promise<void> {
  for (const [questionKey, { level, rationale }] of Object.entries(levels)) {
    await t.repos.moderations.write(assessmentId, questionKey, {
      level,
      rationale: rationale ?? null,
      assessorId,
      revision: 1,
      at: t.services.clock(),
    })
  }
}
