import type { AnswerContent } from '../src/domain/assessment/answer'
import type { AuthorityFacts } from '../src/domain/organisation'
import { allQuestions, type QuestionnaireDefinition } from '../src/domain/questionnaire/definition'

/**
 * Synthetic moderation of the demo 2025 round, the same every time, with patterns for calibration to find:
 * the second assessor lowers a level by one far more often than the first, and a few councils rated
 * themselves well above what their evidence shows, so many of their levels come down, some by two.
 * Assessors mostly agree, and every change has a rationale. None of it describes a real council or person.
 */
export const DEMO_MODERATION_SEED = 20251204

/** Councils whose self-assessment ran well ahead of their evidence; none is in a planted weak group. */
export const OVER_RATED = ['bromley', 'merton', 'tower-hamlets', 'westminster']

/** How readily each demo assessor lowers a level by one where the council is not over-rated. */
export type AssessorTendency = 'even-handed' | 'strict'
const LOWER_BY_ONE: Record<AssessorTendency, number> = { 'even-handed': 0.05, strict: 0.24 }
/** Raising needs something to raise on: only answers with evidence, and rarely. */
const RAISE_WITH_EVIDENCE = 0.1

export interface DemoModeration {
  questionKey: string
  level: number
  rationale: string | null
}

/** What the claimed level needs that the evidence did not show, two ways of saying it per level. */
const GAPS: Record<number, readonly string[]> = {
  2: [
    'Practice rests on one or two people and nothing is written down, so this is not yet level 2 (Emerging).',
    'We found no team working this way consistently; level 2 (Emerging) needs at least some teams doing so.',
  ],
  3: [
    'There is no agreed council-wide approach with a named owner, which level 3 (Defined) needs: practice varies by service.',
    'The approach is documented only in draft and has not been adopted across services, so it is not yet level 3 (Defined).',
  ],
  4: [
    'The approach is agreed and owned, but nothing shows it is measured or regularly reviewed, which level 4 (Embedded) needs.',
    'Adoption is good in the services we sampled, but there is no evidence that it improves outcomes, which level 4 (Embedded) needs.',
  ],
  5: [
    'Strong practice, but we saw no continuous improvement cycle or sharing with other councils, which level 5 (Leading) needs.',
    'This is good work, but it is not yet an exemplar others have adopted through LOTI, which level 5 (Leading) needs.',
  ],
}

const EVIDENCE_NOTE = {
  none: 'No evidence was attached, so we asked the council’s digital lead. ',
  weak: 'The evidence supplied describes plans rather than practice in place. ',
}

/** Why an assessor raised a level: the evidence shows more than the council claimed. */
const RAISES: Record<number, string> = {
  2: 'The evidence shows several teams already working this way, which is level 2 (Emerging) rather than ad hoc.',
  3: 'The evidence includes an agreed council-wide approach with a named owner: that is level 3 (Defined), above the self-assessment.',
  4: 'The evidence shows the approach is measured and reviewed quarterly across services, which is level 4 (Embedded).',
  5: 'The council’s practice has been adopted by other boroughs through LOTI, which is level 5 (Leading); the self-assessment undersold it.',
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('nothing to pick from')
  return item
}

function lowered(self: number, by: number, evidence: string | null, random: () => number): string {
  const gap = pick(GAPS[self] ?? [], random)
  const note = evidence === null ? EVIDENCE_NOTE.none : random() < 0.5 ? EVIDENCE_NOTE.weak : ''
  const target = self - by
  const more = by > 1 ? ` Nor does it show what level ${self - 1} needs, so we moderated to ${target}.` : ''
  return `${note}${gap}${more}`
}

/**
 * One assessor's moderation of one council's submitted answers: a moderated level for every answered
 * maturity question, agreeing unless the tendency, the council or the evidence says otherwise.
 */
export function demoModerations(
  definition: QuestionnaireDefinition,
  authority: AuthorityFacts,
  answers: ReadonlyMap<string, AnswerContent>,
  tendency: AssessorTendency,
  random: () => number,
): DemoModeration[] {
  const overRated = OVER_RATED.includes(authority.slug)
  const moderations: DemoModeration[] = []
  for (const { question } of allQuestions(definition)) {
    const answer = answers.get(question.key)
    if (question.type !== 'maturity' || !answer || answer.notApplicable || answer.level === null) continue
    const self = answer.level
    const roll = random()
    let level = self
    if (overRated && self >= 3) level = roll < 0.3 ? self - 2 : roll < 0.8 ? self - 1 : self
    else if (overRated && self === 2) level = roll < 0.4 ? 1 : 2
    else if (roll < LOWER_BY_ONE[tendency]) level = self - 1
    else if (answer.evidence !== null && roll > 1 - RAISE_WITH_EVIDENCE) level = self + 1
    level = Math.min(5, Math.max(1, level))
    const rationale =
      level < self
        ? lowered(self, self - level, answer.evidence, random)
        : level > self
          ? (RAISES[level] ?? null)
          : null
    moderations.push({ questionKey: question.key, level, rationale })
  }
  return moderations
}

/** The overall comment an assessor leaves on completing, from what they changed. */
export function demoModerationComment(
  moderations: readonly DemoModeration[],
  selfLevels: ReadonlyMap<string, number>,
): string {
  const down = moderations.filter(m => m.level < (selfLevels.get(m.questionKey) ?? m.level)).length
  const up = moderations.filter(m => m.level > (selfLevels.get(m.questionKey) ?? m.level)).length
  const total = moderations.length
  if (down + up === 0) return `We agree with all ${total} self-assessed levels: the evidence supports each of them.`
  const changes = [down > 0 ? `lowered ${down}` : '', up > 0 ? `raised ${up}` : ''].filter(Boolean).join(' and ')
  const advice =
    down > total / 4
      ? ' Many levels were not supported by the evidence supplied; we would be glad to go through them with you before the next round.'
      : ''
  return `We agree with ${total - down - up} of the ${total} self-assessed levels. We ${changes}, each with its reason against the question.${advice}`
}

/** The demo assessors (seeds/demo-accounts.ts) and how each moderates. */
export const DEMO_ASSESSORS: readonly { email: string; tendency: AssessorTendency }[] = [
  { email: 'assessor@demo.local', tendency: 'even-handed' },
  { email: 'second-assessor@demo.local', tendency: 'strict' },
]

/**
 * Which demo assessor (an index into DEMO_ASSESSORS) moderates each council: turn and turn about, with the
 * over-rated councils shared out separately so that neither assessor's figures are made by them alone.
 */
export function demoAssessorTurns(slugs: readonly string[]): Map<string, number> {
  const turns = new Map<string, number>()
  let ordinary = 0
  let overRated = 0
  for (const slug of slugs) {
    const turn = OVER_RATED.includes(slug) ? overRated++ : ordinary++
    turns.set(slug, turn % DEMO_ASSESSORS.length)
  }
  return turns
}
