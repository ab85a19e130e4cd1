import { adminHomeView, NOT_SIGNED_IN_ROWS } from '../../../src/presenters/home/admin.presenter'
import { analystHomeView } from '../../../src/presenters/home/analyst.presenter'
import { assessorHomeView, NEXT_ROWS } from '../../../src/presenters/home/assessor.presenter'
import type { AdminHome } from '../../../src/services/home/admin-home.service'
import type { AnalystHome } from '../../../src/services/home/analyst-home.service'
import type { AssessorHome, QueuedAssessment } from '../../../src/services/home/assessor-home.service'

const org = (id: number, name: string) => ({ id, name, slug: name.toLowerCase(), gss: `E0900000${id}` })
const queued = (id: number, name: string): QueuedAssessment =>
  ({
    assessment: { id, submittedAt: new Date(Date.UTC(2027, 0, id)) },
    organisation: org(id, name),
    round: { id: 3, name: '2026 assessment' },
    returnComment: null,
  }) as unknown as QueuedAssessment

describe('the assessor’s home', () => {
  const home = (over: Partial<AssessorHome> = {}): AssessorHome => ({
    queue: {
      resubmitted: [queued(4, 'Lambeth')],
      awaiting: [queued(1, 'Camden'), queued(2, 'Brent')],
      mine: [queued(3, 'Ealing')],
      others: [],
      returned: [queued(5, 'Sutton')],
    },
    calibration: undefined,
    ...over,
  })

  it('counts each part of the queue, each number leading to the queue filtered to it', () => {
    expect(assessorHomeView(home()).counts.map(c => [c.number, c.label, c.href, c.classes])).toEqual([
      ['1', 'resubmitted after a return', '/moderation?state=submitted', 'app-counts__item--attention'],
      ['2', 'awaiting moderation', '/moderation?state=submitted', 'app-counts__item--attention'],
      ['1', 'in moderation by you', '/moderation?state=in_moderation', 'app-counts__item--attention'],
      ['0', 'in moderation by someone else', '/moderation?state=in_moderation', ''],
      ['1', 'returned, with the borough', '/moderation?state=returned', ''],
    ])
  })

  it('lists the next work, resubmissions first, each with a link that names the authority to screen readers', () => {
    const rows = assessorHomeView(home()).next!.rows
    expect(rows.map(r => ('html' in r[0]! ? r[0].html : ''))).toEqual([
      '<a class="govuk-link" href="/organisations/lambeth">Lambeth</a>',
      '<a class="govuk-link" href="/organisations/camden">Camden</a>',
      '<a class="govuk-link" href="/organisations/brent">Brent</a>',
      '<a class="govuk-link" href="/organisations/ealing">Ealing</a>',
    ])
    expect(rows[0]![4]).toEqual({
      html: '<a class="govuk-link" href="/moderation/4">Moderate again<span class="govuk-visually-hidden"> Lambeth</span></a>',
    })
    expect(rows[3]![2]).toEqual({ html: '<strong class="govuk-tag govuk-tag--yellow">In moderation by you</strong>' })
  })

  it('shows at most a page of next work, and says when there is none', () => {
    const many = Array.from({ length: NEXT_ROWS + 3 }, (_, i) => queued(i + 1, `Org ${i}`))
    expect(assessorHomeView(home({ queue: { ...home().queue, awaiting: many } })).next!.rows).toHaveLength(NEXT_ROWS)
    const empty = assessorHomeView(
      home({ queue: { resubmitted: [], awaiting: [], mine: [], others: [], returned: [] } }),
    )
    expect([empty.next, empty.nothingToDo]).toEqual([null, 'Nothing is waiting for you to moderate.'])
  })

  it('names the calibration flags about the assessor, by dimension title', () => {
    const adjustments = { reviewed: 20, compared: 18, changed: 12, raised: 1, lowered: 11 }
    const view = assessorHomeView(
      home({
        calibration: {
          round: { id: 2, name: '2025 assessment' },
          dimensions: [{ key: 'data', title: 'Data' }],
          row: {
            id: 7,
            name: 'Me',
            all: { ...adjustments, meanAdjustment: -0.61, direction: 'lowered', systematic: true },
            dimensions: [{ key: 'data', ...adjustments, meanAdjustment: -0.9, direction: 'lowered', systematic: true }],
            spread: 0.9,
            othersSpread: 0.3,
            inconsistent: true,
          },
        },
      }),
    )
    expect(view.calibration).toEqual({
      heading: 'Calibration in 2025 assessment',
      flags: [
        'You lowered levels by 0.61 on average over 18 questions compared: a systematic pattern.',
        'Your changes vary more than other assessors’: a spread of 0.90 levels against 0.30.',
      ],
      clear: null,
      href: '/rounds/2/calibration',
      linkText: 'Calibration for 2025 assessment',
    })
  })
})

describe('the analyst’s home', () => {
  const home = (): AnalystHome =>
    ({
      open: [
        {
          round: { id: 3, name: '2026 assessment', closesOn: '2027-02-04' },
          stages: {
            not_started: [org(1, 'Camden')],
            in_progress: [],
            submitted: [org(2, 'Brent'), org(3, 'Ealing')],
            moderated: [],
          },
        },
      ],
      headline: undefined,
      opportunities: [
        {
          opportunity: {
            category: { key: 'finance-erp', name: 'Finance and ERP' },
            organisations: new Array(12),
            buyers: 11,
          },
        },
      ],
      opportunitiesCount: 4,
      opportunityMonths: 24,
      unplannedCount: 0,
      estate: { proposals: 0, failing: [] },
    }) as unknown as AnalystHome

  it('gives each open round its deadline and counts by stage, each linking to the authorities behind it', () => {
    const [round] = analystHomeView(home(), '2027-01-20').open
    expect(round!.deadline).toBe('Closes 4 February 2027, in 15 days. 3 authorities taking part.')
    expect(round!.counts.map(c => `${c.number} ${c.label} -> ${c.href}`)).toEqual([
      '1 not started -> #round-3-authorities',
      '0 in progress -> #round-3-authorities',
      '2 submitted, awaiting or in moderation -> #round-3-authorities',
      '0 moderated -> #round-3-authorities',
    ])
    expect(round!.table.rows[2]).toEqual([
      { text: 'Submitted, awaiting or in moderation', header: true },
      { text: '2' },
      {
        html: '<a class="govuk-link" href="/organisations/brent">Brent</a>, <a class="govuk-link" href="/organisations/ealing">Ealing</a>',
      },
    ])
    expect(round!.table.rows[1]![2]).toEqual({ html: 'None' })
  })

  it('leads to joint buying, saying how many separate buyers there are', () => {
    const view = analystHomeView(home(), '2027-01-20')
    expect(view.opportunities).toEqual([
      {
        html: '<a class="govuk-link" href="/pipeline/opportunities/finance-erp">Finance and ERP</a>',
        detail: '12 authorities, 11 separate buyers',
      },
    ])
    expect(view.allOpportunities).toEqual({
      href: '/pipeline/opportunities',
      text: 'Every joint-buying opportunity in the next 24 months',
    })
    expect([view.headline, view.noOpenRound, view.unplanned]).toEqual([null, null, null])
  })

  it('leads to the contracts ending where nobody plans yet, when there are any', () => {
    const view = analystHomeView({ ...home(), unplannedCount: 5 }, '2027-01-20')
    expect(view.unplanned).toEqual({
      href: '/pipeline/opportunities#unplanned',
      text: '5 categories where contracts end with nobody planning yet',
    })
  })
})

describe('the admin’s home', () => {
  const user = (id: number) => ({ id, name: `Person ${id}`, email: `p${id}@x.gov.uk`, role: 'assessor' })
  const home = (people: number): AdminHome =>
    ({
      rounds: [{ id: 3, name: '2026 assessment', status: 'open', opensOn: '2026-11-07', closesOn: '2027-02-05' }],
      notSignedIn: Array.from({ length: people }, (_, i) => user(i + 1)),
      drafts: [{ key: 'london-digital-maturity', version: 3, title: 'London digital maturity' }],
      estate: { proposals: 2, failing: [] },
    }) as unknown as AdminHome

  it('counts what needs an admin, each number leading to its list', () => {
    expect(adminHomeView(home(2)).counts.map(c => `${c.number} ${c.label} -> ${c.href}`)).toEqual([
      '1 round open or scheduled -> /admin/rounds',
      '2 people invited, not signed in yet -> /admin/users',
      '1 questionnaire draft -> /admin/questionnaires',
    ])
  })

  it('lists rounds with their state and people who never signed in, a page at most', () => {
    const view = adminHomeView(home(NOT_SIGNED_IN_ROWS + 2))
    expect(view.rounds!.rows[0]).toEqual([
      { html: '<a class="govuk-link" href="/admin/rounds/3">2026 assessment</a>' },
      { html: '<strong class="govuk-tag govuk-tag--green">Open</strong>' },
      { text: '7 November 2026' },
      { text: '5 February 2027' },
    ])
    expect(view.notSignedIn!.caption).toBe(
      `12 people have an account but never signed in; the first ${NOT_SIGNED_IN_ROWS}`,
    )
    expect(view.notSignedIn!.rows).toHaveLength(NOT_SIGNED_IN_ROWS)
    expect(view.drafts).toEqual([
      {
        href: '/admin/questionnaires/london-digital-maturity/versions/3',
        text: 'London digital maturity, version 3 (draft)',
      },
    ])
    expect(adminHomeView(home(0)).notSignedIn).toBeNull()
  })
})
