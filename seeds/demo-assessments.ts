import type { AnswerContent } from '../src/domain/assessment/answer'
import type { AuthorityFacts } from '../src/domain/organisation'
import { allQuestions, needsEvidence, type QuestionnaireDefinition } from '../src/domain/questionnaire/definition'
import { demoInvestment } from './demo-investment'
import { demoCapabilities, demoDelivery, type DemoServiceAreas } from './demo-service-areas'

/**
 * Synthetic answers for the demo, the same every time (a fixed seed), with structure worth finding:
 * strong and weak councils, a group of east London neighbours weak on data, and many councils weak
 * together on housing allocations; on version 3, capabilities most councils lack and spend on change that
 * rises with maturity. None of it describes a real council.
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

/**
 * The pilot of version 3, open beside the 2026 round: sixteen authorities (not Hackney, Camden or Islington,
 * whose 2026 start the demo shows), among them councils weak on housing and on data and members of every
 * demo partnership, so capability gaps and shared delivery have something to show. All but `partWay` submit.
 */
export const DEMO_PILOT = {
  name: '2026 pilot of version 3',
  slugs: [
    'city-of-london',
    'barnet',
    'brent',
    'croydon',
    'greenwich',
    'havering',
    'kensington-and-chelsea',
    'lambeth',
    'lewisham',
    'newham',
    'richmond-upon-thames',
    'southwark',
    'sutton',
    'tower-hamlets',
    'wandsworth',
    'westminster',
  ],
  partWay: ['barnet', 'greenwich', 'sutton', 'tower-hamlets'],
} as const

function clampLevel(x: number): number {
  return Math.min(5, Math.max(1, Math.round(x)))
}

/**
 * Every answer a council gives, drawn around its own base level with the planted weaknesses. Version 3's
 * service areas also need `areas` (the council's systems and partnerships); without it they name no system.
 * Versions 1 and 2 ask nothing that draws more, so their answers stay as they always were.
 */
export function demoAnswers(
  definition: QuestionnaireDefinition,
  authority: AuthorityFacts,
  random: () => number,
  drift = 0,
  areas?: DemoServiceAreas,
): Map<string, AnswerContent> {
  const base = 1.8 + random() * 2.4 + drift
  // Only a questionnaire that asks for investment figures draws them, so earlier versions' draws are unchanged.
  const investment = allQuestions(definition).some(l => l.question.role)
    ? demoInvestment(authority, base, random)
    : undefined
  const answers = new Map<string, AnswerContent>()
  for (const { question, dimension, theme } of allQuestions(definition)) {
    const noise = (random() - 0.5) * 1.6
    let level = base + noise
    if (dimension.key === 'data' && WEAK_ON_DATA.includes(authority.slug)) level -= 1.6
    const weakOnHousing = theme.key.startsWith('services.housing') && WEAK_ON_HOUSING.includes(authority.slug)
    if (weakOnHousing) level = 1 + random() * 1.2
    // Evidence wherever a submit would ask for it (from level 4 in version 3), and now and then besides.
    const evidence =
      needsEvidence(question, { level: clampLevel(level), notApplicable: false }) ||
      question.evidence === 'required' ||
      random() < 0.3
        ? `Demo evidence for ${authority.name}`
        : null
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
        if (question.role === 'delivery') {
          const value = demoDelivery(areas?.partnered ?? false, random)
          answers.set(question.key, { level: null, value, notApplicable: false, evidence: null })
          break
        }
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
      case 'checklist': {
        const value = demoCapabilities(question, level, weakOnHousing, random)
        answers.set(question.key, { level: null, value, notApplicable: false, evidence: null })
        break
      }
      case 'number': {
        const min = question.min ?? 0
        const max = question.max ?? min + 60
        answers.set(question.key, {
          level: null,
          value: investment?.(question) ?? Math.round(min + random() * (max - min) * 0.6),
          notApplicable: false,
          evidence: null,
        })
        break
      }
      case 'text':
        if (question.role === 'system' && areas) {
          const value = areas.system(theme.serviceArea?.categories ?? [], random)
          answers.set(question.key, { level: null, value, notApplicable: false, evidence: null })
        } else if (question.required)
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
