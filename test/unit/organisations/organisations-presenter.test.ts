import { organisationView, organisationsTableView } from '../../../src/presenters/organisations/organisations.presenter'

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

const EMPTY_PIPELINE = { total: 0, open: 0, next: [], priorities: 0 }
type Page = Parameters<typeof organisationView>[0]
const page = (over: Partial<Page> & Pick<Page, 'organisation'>): Page => ({
  neighbours: [],
  partnerships: [],
  assessments: [],
  pipeline: EMPTY_PIPELINE,
  people: null,
  ...over,
})

const valueOf = (view: ReturnType<typeof organisationView>, key: string) =>
  view.rows.find(r => r.key.text === key)?.value

describe('organisationsTableView', () => {
  it('counts the organisations and heads each row with its name, linked to its page', () => {
    const view = organisationsTableView([hackney, barnet])
    expect(view.caption).toBe('2 organisations')
    expect(view.head.map(h => h.text)).toEqual(['GSS code', 'Name', 'Inner or outer London'])
    expect(view.rows).toEqual([
      [
        { text: 'E09000012' },
        {
          html: '<a class="govuk-link" href="/organisations/hackney">Hackney</a>',
          header: true,
          classes: 'app-table__row-header',
        },
        { text: 'Inner' },
      ],
      [
        { text: 'E09000003' },
        {
          html: '<a class="govuk-link" href="/organisations/barnet">Barnet</a>',
          header: true,
          classes: 'app-table__row-header',
        },
        { text: 'Outer' },
      ],
    ])
  })
})

describe('organisationView', () => {
  it('links neighbours to their pages for central roles and lists partnerships in a sentence', () => {
    const view = organisationView(
      page({
        organisation: hackney,
        neighbours: [barnet],
        partnerships: [
          { id: 1, name: 'A', members: [] },
          { id: 2, name: 'B', members: [] },
        ],
      }),
      'analyst',
    )
    expect(view.rows.map(r => r.key.text)).toEqual([
      'Official name',
      'GSS code',
      'Inner or outer London',
      'Neighbours',
      'Partnerships',
    ])
    expect(valueOf(view, 'Official name')).toEqual({ text: 'London Borough of Hackney' })
    expect(valueOf(view, 'Inner or outer London')).toEqual({ text: 'Inner London' })
    expect(valueOf(view, 'Neighbours')).toEqual({
      html: '<ul class="govuk-list"><li><a class="govuk-link" href="/organisations/barnet">Barnet</a></li></ul>',
    })
    expect(valueOf(view, 'Partnerships')).toEqual({ text: 'A, B' })
  })

  it('does not link neighbours a respondent may not see, and says when there is nothing', () => {
    const view = organisationView(page({ organisation: barnet, neighbours: [hackney] }), 'respondent')
    expect(valueOf(view, 'Neighbours')).toEqual({ html: '<ul class="govuk-list"><li>Hackney</li></ul>' })
    expect(valueOf(view, 'Partnerships')).toEqual({ text: 'None recorded' })
    const alone = organisationView(page({ organisation: barnet }), 'admin')
    expect(valueOf(alone, 'Neighbours')).toEqual({ text: 'None' })
  })
})
