import fc from 'fast-check'
import {
  calibrate,
  spread,
  summarise,
  UNRECORDED_ASSESSOR,
  type ModeratedQuestion,
  type Party,
} from '../../../src/domain/calibration'

const hackney = { id: 1, name: 'Hackney' }
const camden = { id: 2, name: 'Camden' }
const ada = { id: 10, name: 'Ada' }
const ben = { id: 11, name: 'Ben' }
const DIMENSIONS = ['data', 'tech']

const q = (
  organisation: Party,
  assessor: Party | null,
  dimensionKey: string,
  selfLevel: number | null,
  moderatedLevel: number,
): ModeratedQuestion => ({ organisation, assessor, dimensionKey, selfLevel, moderatedLevel })

describe('calibration, worked by hand', () => {
  const round = [
    q(hackney, ada, 'data', 3, 2), // −1
    q(hackney, ada, 'data', 4, 3), // −1
    q(hackney, ada, 'data', 2, 2), // 0
    q(hackney, ada, 'tech', 5, 4), // −1
    q(camden, ada, 'data', 1, 3), // +2
    q(camden, ada, 'tech', 2, 2), // 0
    q(camden, ada, 'tech', null, 3), // reviewed, nothing to compare with
    q(camden, ben, 'tech', 3, 3),
    q(camden, ben, 'tech', 4, 4),
    q(camden, ben, 'data', 2, 2),
  ]
  const result = calibrate(DIMENSIONS, round)
  const org = (name: string) => result.organisations.find(o => o.name === name)!
  const assessor = (name: string) => result.assessors.find(a => a.name === name)!

  it('lists organisations and assessors by name', () => {
    expect(result.organisations.map(o => o.name)).toEqual(['Camden', 'Hackney'])
    expect(result.assessors.map(a => a.name)).toEqual(['Ada', 'Ben'])
  })

  it('counts and averages an organisation’s adjustments, and flags its systematic over-rating', () => {
    // Hackney: −1, −1, 0, −1 → 3 of 4 lowered, mean −3 / 4
    expect(org('Hackney').all).toEqual({
      reviewed: 4,
      compared: 4,
      changed: 3,
      raised: 0,
      lowered: 3,
      meanAdjustment: -0.75,
      direction: 'lowered',
      systematic: true,
    })
    // data: −1, −1, 0 → mean −2 / 3, three questions: flagged. tech: one question, never flagged.
    const [data, tech] = org('Hackney').dimensions
    expect(data).toMatchObject({ key: 'data', changed: 2, compared: 3, direction: 'lowered', systematic: true })
    expect(data!.meanAdjustment).toBeCloseTo(-2 / 3, 12)
    expect(tech).toMatchObject({ key: 'tech', changed: 1, meanAdjustment: -1, direction: 'lowered', systematic: false })
  })

  it('leaves questions without a self-assessed level out of the mean, but counts them as reviewed', () => {
    // Camden: +2, 0, (none), 0, 0, 0 → mean 2 / 5 = 0.4, under the 0.5 that would flag it
    expect(org('Camden').all).toMatchObject({
      reviewed: 6,
      compared: 5,
      changed: 1,
      raised: 1,
      meanAdjustment: 0.4,
      direction: 'raised',
      systematic: false,
    })
    expect(org('Camden').dimensions[1]).toMatchObject({
      key: 'tech',
      reviewed: 4,
      compared: 3,
      changed: 0,
      meanAdjustment: 0,
      direction: 'no net change',
    })
  })

  it('measures each assessor’s spread against everyone else’s and flags the inconsistent one', () => {
    // Ada: −1, −1, 0, −1, +2, 0: mean −1/6, variance (3 × 25 + 2 × 1 + 169) / 36 / 6 = 41 / 36
    expect(assessor('Ada').all).toMatchObject({ reviewed: 7, compared: 6, changed: 4, raised: 1, lowered: 3 })
    expect(assessor('Ada').all.meanAdjustment).toBeCloseTo(-1 / 6, 12)
    expect(assessor('Ada').spread).toBeCloseTo(Math.sqrt(41) / 6, 12)
    expect(assessor('Ada').othersSpread).toBe(0)
    expect(assessor('Ada').inconsistent).toBe(true)
    expect(assessor('Ben')).toMatchObject({ spread: 0, inconsistent: false })
    expect(assessor('Ben').all).toMatchObject({ changed: 0, meanAdjustment: 0, direction: 'no net change' })
  })
})

describe('the flagging rule at its edges', () => {
  const agreeing = [q(camden, ben, 'data', 2, 2), q(camden, ben, 'data', 3, 3), q(camden, ben, 'data', 4, 4)]

  it('flags a mean of half a level or more either way over three or more questions, and nothing less', () => {
    const rated = (...pairs: [number, number][]) => summarise(pairs.map(([s, m]) => q(hackney, ada, 'data', s, m)))
    expect(rated([2, 3], [2, 2])).toMatchObject({ meanAdjustment: 0.5, systematic: false }) // two questions
    expect(rated([2, 3], [4, 4], [1, 1])).toMatchObject({ meanAdjustment: 1 / 3, systematic: false })
    expect(rated([2, 3], [4, 4], [1, 2], [5, 5])).toMatchObject({ meanAdjustment: 0.5, systematic: true })
    expect(rated([5, 3], [4, 4], [3, 3])).toMatchObject({ meanAdjustment: -2 / 3, systematic: true })
    expect(rated([5, 4], [1, 2], [3, 3])).toMatchObject({ meanAdjustment: 0, direction: 'no net change' })
  })

  it('calls an assessor inconsistent when their spread is half a level above the others’', () => {
    // +1, 0, +1, 0: mean 0.5, spread exactly 0.5 against Ben's 0
    const ada1 = [q(hackney, ada, 'data', 1, 2), q(hackney, ada, 'data', 1, 1), q(hackney, ada, 'tech', 1, 2)]
    const ada2 = [...ada1, q(hackney, ada, 'tech', 1, 1)]
    const edge = calibrate(DIMENSIONS, [...ada2, ...agreeing]).assessors
    expect(edge.map(a => [a.name, a.spread, a.inconsistent])).toEqual([
      ['Ada', 0.5, true],
      ['Ben', 0, false],
    ])
    // Three of Ada's questions (spread √2/3 ≈ 0.47) fall short of the margin.
    expect(calibrate(DIMENSIONS, [...ada1, ...agreeing]).assessors[0]!.inconsistent).toBe(false)
  })

  it('judges no one inconsistent without others to compare with', () => {
    const alone = [q(hackney, ada, 'data', 1, 5), q(hackney, ada, 'data', 5, 1), q(hackney, ada, 'data', 3, 3)]
    expect(calibrate(DIMENSIONS, alone).assessors[0]).toMatchObject({ othersSpread: null, inconsistent: false })
  })

  it('groups moderations whose assessor is no longer recorded, last', () => {
    const rows = calibrate(DIMENSIONS, [q(hackney, null, 'data', 2, 1), ...agreeing]).assessors
    expect(rows.map(a => [a.name, a.id, a.all.lowered])).toEqual([
      ['Ben', 11, 0],
      [UNRECORDED_ASSESSOR, null, 1],
    ])
  })

  it('has no spread, mean or direction for nothing', () => {
    expect(spread([])).toBeNull()
    expect(summarise([])).toMatchObject({ reviewed: 0, meanAdjustment: null, direction: null, systematic: false })
  })
})

describe('calibration, by its properties', () => {
  const party = (names: string[], offset: number) =>
    fc.integer({ min: 0, max: names.length - 1 }).map(i => ({ id: offset + i, name: names[i]! }))
  const level = fc.integer({ min: 1, max: 5 })
  const question = fc.record({
    organisation: party(['Barnet', 'Brent', 'Camden', 'Ealing'], 1),
    assessor: fc.option(party(['Ada', 'Ben', 'Cy'], 10)),
    dimensionKey: fc.constantFrom(...DIMENSIONS),
    selfLevel: fc.option(level, { freq: 5 }),
    moderatedLevel: level,
  })
  const round = fc.array(question, { maxLength: 40 })

  it('accounts for every moderated question once per table, with counts and directions that agree', () => {
    fc.assert(
      fc.property(round, questions => {
        const { organisations, assessors } = calibrate(DIMENSIONS, questions)
        for (const rows of [organisations, assessors]) {
          expect(rows.reduce((n, r) => n + r.all.reviewed, 0)).toBe(questions.length)
          for (const r of rows) {
            expect(r.dimensions.reduce((n, d) => n + d.reviewed, 0)).toBe(r.all.reviewed)
            for (const a of [r.all, ...r.dimensions]) {
              expect(a.raised + a.lowered).toBe(a.changed)
              expect(a.changed).toBeLessThanOrEqual(a.compared)
              expect(a.compared).toBeLessThanOrEqual(a.reviewed)
              const mean = a.meanAdjustment ?? 0
              expect(Math.abs(mean)).toBeLessThanOrEqual(4)
              expect(a.direction).toBe(
                a.compared === 0 ? null : mean > 0 ? 'raised' : mean < 0 ? 'lowered' : 'no net change',
              )
              if (a.systematic) expect(Math.abs(mean)).toBeGreaterThanOrEqual(0.5)
            }
          }
        }
      }),
    )
  })

  it('mirrors exactly when every change is reversed: means negate, raised and lowered swap, spreads stay', () => {
    fc.assert(
      fc.property(
        round.map(qs => qs.filter(x => x.selfLevel !== null)),
        questions => {
          const mirrored = questions.map(x => ({ ...x, selfLevel: x.moderatedLevel, moderatedLevel: x.selfLevel! }))
          const before = calibrate(DIMENSIONS, questions)
          const after = calibrate(DIMENSIONS, mirrored)
          before.assessors.forEach((a, i) => {
            const b = after.assessors[i]!
            expect([b.all.raised, b.all.lowered, b.all.systematic]).toEqual([
              a.all.lowered,
              a.all.raised,
              a.all.systematic,
            ])
            expect((b.all.meanAdjustment ?? 0) + (a.all.meanAdjustment ?? 0)).toBeCloseTo(0, 12)
            expect(b.spread ?? 0).toBeCloseTo(a.spread ?? 0, 12)
            expect(b.inconsistent).toBe(a.inconsistent)
          })
        },
      ),
    )
  })

  it('flags nothing and no one when every assessor agreed with every level', () => {
    fc.assert(
      fc.property(
        round.map(qs => qs.map(x => ({ ...x, moderatedLevel: x.selfLevel ?? x.moderatedLevel }))),
        questions => {
          const { organisations, assessors } = calibrate(DIMENSIONS, questions)
          for (const r of [...organisations, ...assessors])
            expect([r.all.changed, r.all.systematic]).toEqual([0, false])
          for (const a of assessors) expect(a.inconsistent).toBe(false)
        },
      ),
    )
  })
})
