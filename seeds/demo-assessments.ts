import type { AnswerContent } from '../src/domain/assessment/answer'
import type { AuthorityFacts } from '../src/domain/organisation'
import { allQuestions, type QuestionnaireDefinition } from '../src/domain/questionnaire/definition'

/**
 * Synthetic answers for the demo, the same every time (a fixed seed), with structure worth finding:
 * strong and weak councils, a group of east London neighbours weak on data, and many councils weak
 * together on housing allocations. None of it describes a real council.
 */
export const DEMO_SEED = 20251127

/** mulberry32: a small, well-known deterministic generator, so the demo never changes between starts. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const WEAK_ON_DATA = ['barking-and-dagenham', 'havering', 'redbridge', 'newham', 'bexley']
export const WEAK_ON_HOUSING = [
  'croydon',
  'lambeth',
  'southwark',
  'lewisham',
  'brent',
  'ealing',
  'enfield',
  'haringey',
  'sutton',
  'waltham-forest',
  'hillingdon',
]

function clampLevel(x: number): number {
  return Math.min(5, Math.max(1, Math.round(x)))
}

/** Every answer a council gives, drawn around its own base level with the planted weaknesses. */
export function demoAnswers(
  definition: QuestionnaireDefinition,
  authority: AuthorityFacts,
  random: () => number,
  drift = 0,
): Map<string, AnswerContent> {
  const base = 1.8 + random() * 2.4 + drift
  const answers = new Map<string, AnswerContent>()
  for (const { question, dimension, theme } of allQuestions(definition)) {
    const noise = (random() - 0.5) * 1.6
    let level = base + noise
    if (dimension.key === 'data' && WEAK_ON_DATA.includes(authority.slug)) level -= 1.6
    if (theme.key.startsWith('services.housing') && WEAK_ON_HOUSING.includes(authority.slug)) level = 1 + random() * 1.2
    const evidence = question.evidence === 'required' || random() < 0.3 ? `Demo evidence for ${authority.name}` : null
    switch (question.type) {
      case 'maturity':
        if (
          question.allowNotApplicable &&
          authority.slug === 'city-of-london' &&
          dimension.key === 'services' &&
          random() < 0.5
        ) {
          answers.set(question.key, { level: null, value: null, notApplicable: true, evidence: null })
        } else answers.set(question.key, { level: clampLevel(level), value: null, notApplicable: false, evidence })
        break
      case 'choice': {
        const option = question.options[Math.floor(random() * question.options.length)]
        if (option)
          answers.set(question.key, { level: null, value: option.value, notApplicable: false, evidence: null })
        break
      }
      case 'multi': {
        const picked = question.options.filter(() => random() < 0.4).map(o => o.value)
        // "none" stands alone, as the answer checks require.
        const value = picked.length > 1 ? picked.filter(v => v !== 'none') : picked
        answers.set(question.key, { level: null, value, notApplicable: false, evidence: null })
        break
      }
      case 'number': {
        const min = question.min ?? 0
        const max = question.max ?? min + 60
        answers.set(question.key, {
          level: null,
          value: Math.round(min + random() * (max - min) * 0.6),
          notApplicable: false,
          evidence: null,
        })
        break
      }
      case 'text':
        if (question.required)
          answers.set(question.key, {
            level: null,
            value: `Demo answer from ${authority.name}`,
            notApplicable: false,
            evidence: null,
          })
        break
    }
  }
  return answers
}
