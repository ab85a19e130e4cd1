import { down, up } from '../../../migrations/20261207020000_carry_over_decision'
import { assessmentOf, createRound } from '../../support/rounds'
import { createTestApp, type TestApp } from '../../support/test-app'

// Assessments that carried answers over before the decision was recorded must not be offered them again.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

it('counts an assessment whose audit trail shows a carry-over as taken, by whom and when; others undecided', async () => {
  const round = await createRound(t, { name: '2026 assessment', organisations: ['newham', 'hackney'] })
  const carried = await assessmentOf(t, round, 'newham')
  const untouched = await assessmentOf(t, round, 'hackney')
  const officer = await t.createUser('respondent', { organisation: 'newham' })
  const at = new Date('2026-11-20T09:30:00Z')
  await t.repos.audit.record({
    at,
    actorUserId: officer.id,
    action: 'assessment.carried-over',
    entityType: 'assessment',
    entityId: carried,
    after: { from: '2025 assessment', answers: 40 },
  })
  await down(t.db.knex)
  await up(t.db.knex)
  const rows = await t.db
    .knex('assessments')
    .whereIn('id', [carried, untouched])
    .orderBy('id')
    .select<{ id: number; carry_over: string | null; carry_over_by: number | null; carry_over_at: Date | null }[]>(
      'id',
      'carry_over',
      'carry_over_by',
      'carry_over_at',
    )
  expect(rows.find(r => r.id === carried)).toMatchObject({
    carry_over: 'taken',
    carry_over_by: officer.id,
    carry_over_at: at,
  })
  expect(rows.find(r => r.id === untouched)).toMatchObject({
    carry_over: null,
    carry_over_by: null,
    carry_over_at: null,
  })
  expect((await t.repos.assessments.findById(carried))?.carryOver).toBe('taken')
  await expect(t.db.knex('assessments').where({ id: untouched }).update({ carry_over: 'maybe' })).rejects.toThrow()
})
