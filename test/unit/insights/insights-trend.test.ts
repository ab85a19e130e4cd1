import fc from 'fast-check'
import type { AnswerContent } from '../../../src/domain/assessment/answer'
import { chainWithErrata } from '../../../src/domain/questionnaire/errata'
import { trend, type TrendResult } from '../../../src/domain/insights/trend'
import type { MaturityQuestion, QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'

const maturity = (key: string): MaturityQuestion => ({
  key,
  type: 'maturity',
  prompt: `Prompt for ${key}`,
  required: true,
  weight: 1,
  allowNotApplicable: true,
  evidence: 'optional',
  levels: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' },
})

/** Two dimensions of one theme each, every weight 1, so every score is a plain mean. */
function definition(version: number, lead: string[], tech: string[]): QuestionnaireDefinition {
  const dimension = (key: string, title: string, questions: string[]) => ({
    key,
    title,
    description: title,
    weight: 1,
    themes: [{ key: `${key}.theme`, title, weight: 1, questions: questions.map(q => maturity(`${key}.theme.${q}`)) }],
  })
  return {
    key: 'test',
    version,
    title: 'Test',
    description: 'Test',
    scale: { levels: [] },
    weakThreshold: 2.5,
    dimensions: [dimension('lead', 'Leadership', lead), dimension('tech', 'Technology', tech)],
  }
}

// Version 2 moves "buying" from technology to leadership, splits "quality" in two, adds "ai" and drops "devices".
const v1 = definition(1, ['plan', 'budget'], ['cloud', 'buying', 'quality', 'devices'])
const v2 = definition(2, ['plan', 'budget', 'buying'], ['cloud', 'standards', 'monitoring', 'ai'])
const keyMap = {
  'tech.theme.buying': ['lead.theme.buying'],
  'tech.theme.quality': ['tech.theme.standards', 'tech.theme.monitoring'],
}

const answers = (levels: Record<string, number>): Map<string, AnswerContent> =>
  new Map(
    Object.entries(levels).map(([key, level]) => [key, { level, value: null, notApplicable: false, evidence: null }]),
  )

function result(
  gss: string,
  name: string,
  levels: Record<string, number>,
  options: { scored?: boolean; moderated?: Record<string, number> } = {},
): TrendResult {
  return {
    gss,
    name,
    scored: options.scored ?? true,
    answers: answers(levels),
    moderatedLevels: new Map(Object.entries(options.moderated ?? {})),
  }
}

const alphaBefore = result(
  'E1',
  'Alpha',
  {
    'lead.theme.plan': 2,
    'lead.theme.budget': 2,
    'tech.theme.cloud': 3,
    'tech.theme.buying': 4,
    'tech.theme.quality': 5,
    'tech.theme.devices': 1,
  },
  { moderated: { 'lead.theme.plan': 1 } },
)
const alphaAfter = result('E1', 'Alpha', {
  'lead.theme.plan': 3,
  'lead.theme.budget': 3,
  'lead.theme.buying': 4,
  'tech.theme.cloud': 5,
  'tech.theme.standards': 1,
  'tech.theme.monitoring': 1,
  'tech.theme.ai': 1,
})

describe('the trend between two rounds', () => {
  const everyone = trend(
    {
      definition: v1,
      results: [
        alphaBefore,
        result('E3', 'Charlie', { 'lead.theme.plan': 2 }, { scored: false }),
        result('E4', 'Delta', {}),
      ],
    },
    {
      definition: v2,
      results: [
        alphaAfter,
        result('E2', 'Bravo', { 'lead.theme.plan': 4 }),
        result('E3', 'Charlie', { 'lead.theme.plan': 3 }),
      ],
    },
    keyMap,
  )
  const row = (name: string) => everyone.rows.find(r => r.name === name)!

  it('compares a moved question where it now sits, and leaves out split, new and removed ones', () => {
    // Before, final basis on the comparable questions in version 2's places:
    //   leadership = (plan 1, moderated from 2 + budget 2 + buying 4, moved in) / 3 = 7/3; technology = cloud 3.
    // After: leadership = (3 + 3 + 4) / 3 = 10/3; technology = cloud 5 (the split halves and "ai" score 1 and are left out).
    const alpha = row('Alpha')
    expect(alpha.dimensions.map(d => d.key)).toEqual(['lead', 'tech'])
    const [lead, tech] = alpha.dimensions
    expect(lead!.previous).toBeCloseTo(7 / 3, 10)
    expect(lead!.current).toBeCloseTo(10 / 3, 10)
    expect(lead!.change).toBeCloseTo(1, 10)
    expect(tech).toMatchObject({ previous: 3, current: 5, change: 2 })
    // Overall: (7/3 + 3) / 2 = 8/3 before, (10/3 + 5) / 2 = 25/6 after.
    expect(alpha.overall.previous).toBeCloseTo(8 / 3, 10)
    expect(alpha.overall.current).toBeCloseTo(25 / 6, 10)
    expect(alpha.overall.change).toBeCloseTo(1.5, 10)
  })

  it('counts the comparable questions and names what it left out, and why', () => {
    expect(everyone.comparableQuestions).toBe(4)
    expect(everyone.leftOut).toEqual({
      split: [
        {
          from: { key: 'tech.theme.quality', prompt: 'Prompt for tech.theme.quality' },
          to: [
            { key: 'tech.theme.standards', prompt: 'Prompt for tech.theme.standards' },
            { key: 'tech.theme.monitoring', prompt: 'Prompt for tech.theme.monitoring' },
          ],
        },
      ],
      notComparable: [],
      added: [{ key: 'tech.theme.ai', prompt: 'Prompt for tech.theme.ai' }],
      removed: [{ key: 'tech.theme.devices', prompt: 'Prompt for tech.theme.devices' }],
    })
    expect(everyone.dimensions).toEqual([
      { key: 'lead', title: 'Leadership' },
      { key: 'tech', title: 'Technology' },
    ])
  })

  it('leaves out a question an erratum declares not comparable, with its reason, and scores without it', () => {
    const errata = chainWithErrata(
      [{ version: 2, keyMap }],
      [{ version: 2, question: 'tech.theme.cloud', reason: 'Asks how well, not how much' }],
    )
    const declared = trend(
      { definition: v1, results: [alphaBefore] },
      { definition: v2, results: [alphaAfter] },
      errata.keyMap,
      errata.notComparable,
    )
    expect(declared.comparableQuestions).toBe(3)
    expect(declared.leftOut.notComparable).toEqual([
      {
        question: { key: 'tech.theme.cloud', prompt: 'Prompt for tech.theme.cloud' },
        reason: 'Asks how well, not how much',
      },
    ])
    // Neither new in version 2 nor gone from version 1: it is there, but not the same question.
    expect(declared.leftOut.added.map(q => q.key)).toEqual(['tech.theme.ai'])
    expect(declared.leftOut.removed.map(q => q.key)).toEqual(['tech.theme.devices'])
    // Technology had only cloud to compare on; without it there is no technology score either side.
    const [lead, tech] = declared.rows[0]!.dimensions
    expect(lead!.change).toBeCloseTo(1, 10)
    expect(tech).toEqual({ key: 'tech', previous: null, current: null, change: null })
  })

  it('gives nulls to an organisation missing from a round or not handed in, and says which', () => {
    const nulls = { previous: null, current: null, change: null }
    expect(everyone.rows.map(r => [r.name, r.previousRound, r.currentRound])).toEqual([
      ['Alpha', 'scored', 'scored'],
      ['Bravo', 'absent', 'scored'],
      ['Charlie', 'not_scored', 'scored'],
      ['Delta', 'scored', 'absent'],
    ])
    for (const name of ['Bravo', 'Charlie', 'Delta']) {
      expect(row(name).overall).toEqual(nulls)
      expect(row(name).dimensions).toEqual([
        { key: 'lead', ...nulls },
        { key: 'tech', ...nulls },
      ])
    }
  })

  it('has no score, so no change, in a dimension where nothing comparable was answered', () => {
    const only = trend(
      { definition: v1, results: [result('E1', 'Alpha', { 'lead.theme.plan': 2, 'tech.theme.quality': 4 })] },
      { definition: v2, results: [result('E1', 'Alpha', { 'lead.theme.plan': 4, 'tech.theme.standards': 4 })] },
      keyMap,
    )
    expect(only.rows[0]!.dimensions).toEqual([
      { key: 'lead', previous: 2, current: 4, change: 2 },
      { key: 'tech', previous: null, current: null, change: null },
    ])
    expect(only.rows[0]!.overall).toEqual({ previous: 2, current: 4, change: 2 })
  })

  it('shows no change for the same answers on the same version, whatever they are', () => {
    const keys = ['lead.theme.plan', 'lead.theme.budget', 'tech.theme.cloud', 'tech.theme.buying']
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }), levels => {
        const same = result('E1', 'Alpha', Object.fromEntries(keys.map((k, i) => [k, levels[i]!])))
        const [only] = trend({ definition: v1, results: [same] }, { definition: v1, results: [same] }, {}).rows
        expect([...only!.dimensions.map(d => d.change), only!.overall.change]).toEqual([0, 0, 0])
      }),
    )
  })
})
