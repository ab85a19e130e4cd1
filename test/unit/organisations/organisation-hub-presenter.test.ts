import type { Round } from '../../../src/domain/assessment/round'
import type { User } from '../../../src/domain/user'
import {
  assessmentsTable,
  partnershipRows,
  peopleTable,
  pipelineSummary,
  reportsTable,
} from '../../../src/presenters/organisations/organisation-hub.presenter'
import { hubScores, trendTable } from '../../../src/presenters/organisations/hub-trend.presenter'
import type { HubAssessment } from '../../../src/services/organisations/organisation-hub'

const hackney = {
  id: 1,
  gss: 'E09000012',
  name: 'Hackney',
  officialName: 'London Borough of Hackney',
  slug: 'hackney',
  inner: true,
  tile: null,
}
const barnet = { ...hackney, id: 2, gss: 'E09000003', name: 'Barnet', slug: 'barnet', inner: false }

const round = (id: number, name: string): Round => ({
  id,
  name,
  questionnaireKey: 'dm',
  questionnaireVersion: 1,
  opensOn: '2026-01-01',
  closesOn: '2026-02-01',
  closedAt: null,
  cancelledAt: null,
})

const autumn: HubAssessment = { id: 30, round: round(3, 'Autumn 2026'), state: 'in_progress', scores: null }
const spring: HubAssessment = {
  id: 20,
  round: round(2, 'Spring 2026'),
  state: 'moderated',
  scores: {
    overall: 2.5,
    dimensions: [
      { key: 'leadership', title: 'Leadership', score: 3 },
      { key: 'data', title: 'Data', score: 2 },
    ],
  },
}
const older: HubAssessment = {
  id: 10,
  round: round(1, 'Autumn 2025'),
  state: 'submitted',
  scores: { overall: 1.75, dimensions: [{ key: 'leadership', title: 'Leadership', score: 1.5 }] },
}

const texts = (cells: readonly { text?: string; html?: string }[]) => cells.map(c => c.text ?? c.html)

describe('organisation hub tables', () => {
  it('lists assessments with their state tag, a score only once scored, and a report link only then', () => {
    const view = assessmentsTable([autumn, spring])
    const [open, scored] = view.rows as { text?: string; html?: string }[][]
    expect(open![1]!.html).toContain('In progress')
    expect(open![2]!.text).toBe('Not scored yet')
    expect(open![3]!.html).toContain('href="/assessments/30"')
    expect(open![3]!.html).not.toContain('/report')
    expect(scored![1]!.html).toContain('Moderated')
    expect(scored![2]!.text).toBe('2.50')
    expect(scored![3]!.html).toContain('href="/assessments/20/report"')
    expect(assessmentsTable([]).empty).toBe('It has taken part in no round yet.')
  })

  it('puts scored rounds oldest first under the newest questionnaire’s dimensions', () => {
    const view = trendTable(hubScores([autumn, spring, older]))
    expect(view.head.map(h => h.text)).toEqual(['Round', 'Overall', 'Leadership', 'Data'])
    expect(view.rows.map(r => texts(r as { text?: string }[]))).toEqual([
      ['Autumn 2025', '1.75', '1.50', 'No score'],
      ['Spring 2026', '2.50', '3.00', '2.00'],
    ])
    expect(trendTable(hubScores([autumn])).empty).toMatch(/No assessment of it has been scored yet/)
  })

  it('links each round’s export, saying whose rows a respondent gets', () => {
    const central = reportsTable([spring], 'analyst')
    expect(central.head[2]!.text).toBe('Export (every organisation)')
    expect(JSON.stringify(central.rows)).toContain('/rounds/2/export.csv')
    expect(JSON.stringify(central.rows)).toContain('/rounds/2/export.xlsx')
    expect(reportsTable([autumn], 'respondent').head[2]!.text).toBe('Export (your organisation)')
  })
})

describe('organisation hub summaries', () => {
  const pipeline = {
    total: 4,
    open: 3,
    next: [{ id: 7, categoryName: 'Social care case management', status: 'planned' as const, due: '2027-03-31' }],
    priorities: 2,
  }

  it('links the pipeline filtered to the organisation for central roles and its own for a respondent', () => {
    const central = JSON.stringify(pipelineSummary(pipeline, hackney, 'analyst'))
    expect(central).toContain('/pipeline?organisation=hackney')
    expect(central).toContain('4 entries, 3 still to be bought')
    expect(central).toContain('href=\\"/pipeline/entries/7\\"')
    expect(central).toContain('planned, 31 March 2027')
    expect(central).not.toContain('/pipeline/priorities')
    const own = JSON.stringify(pipelineSummary(pipeline, hackney, 'respondent'))
    expect(own).toContain('href=\\"/pipeline\\"')
    expect(own).toContain('href=\\"/pipeline/priorities\\"')
    expect(JSON.stringify(pipelineSummary(pipeline, hackney, 'admin'))).toContain(
      '/pipeline/priorities?organisation=hackney',
    )
  })

  it('links partnership members for central roles, and names them for a respondent', () => {
    const partnerships = [{ name: 'North London', members: [barnet, hackney] }]
    expect(partnershipRows(partnerships, 'assessor')[0]!.value.html).toContain('href="/organisations/barnet"')
    expect(partnershipRows(partnerships, 'respondent')[0]!.value.html).not.toContain('href')
  })

  it('says who has signed in and who was invited and has not', () => {
    const person = (id: number, over: Partial<User>): User => ({
      id,
      email: `p${id}@hackney.gov.uk`,
      name: `Person ${id}`,
      role: 'respondent',
      organisationId: 1,
      disabled: false,
      hasPassword: true,
      lastSignedInAt: null,
      ...over,
    })
    const view = peopleTable([
      person(1, { lastSignedInAt: new Date('2026-11-02T09:30:00Z') }),
      person(2, { hasPassword: false }),
    ])
    expect(view.rows.map(r => texts(r as { text?: string }[]))).toEqual([
      [
        '<a class="govuk-link" href="/admin/users/1">Person 1</a>',
        'Borough respondent',
        'Last signed in 2 November 2026 at 9:30am',
      ],
      ['<a class="govuk-link" href="/admin/users/2">Person 2</a>', 'Borough respondent', 'Invited, not signed in yet'],
    ])
  })
})
