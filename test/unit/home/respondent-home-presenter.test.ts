import { respondentHomeView } from '../../../src/presenters/home/respondent.presenter'
import type { RespondentHome } from '../../../src/services/home/respondent-home.service'

const organisation = {
  id: 12,
  name: 'Hackney',
  officialName: 'London Borough of Hackney',
  slug: 'hackney',
  gss: 'E09000012',
}
const theme = (key: string, title: string, status: 'completed' | 'in_progress' | 'not_started') => ({
  theme: { key, title },
  status,
})

function home(over: Partial<RespondentHome> = {}): RespondentHome {
  return {
    organisation,
    today: '2027-01-20',
    open: [
      {
        assessment: { id: 41, state: 'returned' },
        round: { id: 3, name: '2026 assessment', closesOn: '2027-02-04', status: 'open' },
        organisation,
        progress: {
          completedThemes: 1,
          totalThemes: 2,
          themes: [
            theme('data.quality', 'Data quality', 'completed'),
            theme('data.use', 'Using <data>', 'in_progress'),
          ],
        },
        returnComment: 'Add evidence for <b>data sharing</b>',
      },
    ],
    lastReport: {
      assessment: { id: 17, state: 'moderated' },
      round: { id: 2, name: '2025 assessment', closesOn: '2026-01-06', status: 'closed' },
    },
    dueForReview: [
      {
        entry: { id: 5, currentSystem: 'Ledgerwise', status: 'planned' },
        categoryName: 'Finance and ERP',
        reason: 'Its contract end date has passed',
      },
    ],
    ...over,
  } as unknown as RespondentHome
}

describe('the respondent’s home', () => {
  it('shows this round’s state, deadline and progress, and leads to the assessment', () => {
    const [open] = respondentHomeView(home()).open
    expect(open!.roundName).toBe('2026 assessment')
    expect(open!.href).toBe('/assessments/41')
    expect(open!.summary.map(r => [r.key.text, 'text' in r.value ? r.value.text : r.value.html])).toEqual([
      ['Status', '<strong class="govuk-tag govuk-tag--orange">Returned for changes</strong>'],
      ['Deadline', 'Closes 4 February 2027, in 15 days'],
      ['Progress', '1 of 2 themes completed'],
    ])
    expect(open!.continueText).toBe('Go to the assessment')
  })

  it('quotes what the assessor returned it with, escaped', () => {
    expect(respondentHomeView(home()).open[0]!.returned).toBe(
      'The assessor returned it to you: “Add evidence for &lt;b&gt;data sharing&lt;/b&gt;”',
    )
  })

  it('lists each section with a link to it and its status in words', () => {
    expect(respondentHomeView(home()).open[0]!.sections.rows).toEqual([
      [
        { html: '<a class="govuk-link" href="/assessments/41/themes/data.quality">Data quality</a>' },
        { html: '<strong class="govuk-tag govuk-tag--green">Completed</strong>' },
      ],
      [
        { html: '<a class="govuk-link" href="/assessments/41/themes/data.use">Using &lt;data&gt;</a>' },
        { html: '<strong class="govuk-tag govuk-tag--light-blue">In progress</strong>' },
      ],
    ])
  })

  it('links to last round’s report and to each plan due for review, saying why', () => {
    const view = respondentHomeView(home())
    expect(view.lastReport).toEqual({
      href: '/assessments/17/report',
      text: 'Your 2025 assessment report: scores, London’s figures and next steps',
    })
    expect(view.review!.count).toBe('1 plan in your pipeline is due for review')
    expect(view.review!.rows).toEqual([
      [
        { html: '<a class="govuk-link" href="/pipeline/entries/5">Finance and ERP: Ledgerwise</a>' },
        { text: 'Planned' },
        { text: 'Its contract end date has passed' },
      ],
    ])
  })

  it('offers to start an assessment not started, and says when nothing is open or due', () => {
    const notStarted = home()
    notStarted.open[0]!.assessment.state = 'not_started'
    expect(respondentHomeView(notStarted).open[0]!.continueText).toBe('Start the assessment')
    const quiet = respondentHomeView(home({ open: [], lastReport: undefined, dueForReview: [] }))
    expect([quiet.hasOpen, quiet.lastReport, quiet.review]).toEqual([false, null, null])
    expect(quiet.links.map(l => l.href)).toEqual(['/assessments', '/pipeline', '/organisations/hackney'])
  })

  it('has nothing to link to for a respondent without an organisation', () => {
    const view = respondentHomeView(
      home({ organisation: undefined, open: [], lastReport: undefined, dueForReview: [] }),
    )
    expect([view.hasOrganisation, view.caption, view.links]).toEqual([false, '', []])
  })
})
