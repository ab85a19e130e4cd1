import { pipelineListView, type PipelineListData } from '../../../src/presenters/pipeline/list.presenter'
import { pipelineOrganisationsView } from '../../../src/presenters/pipeline/organisations.presenter'
import type { Organisation } from '../../../src/domain/organisation'
import type { EntryView } from '../../../src/services/pipeline/pipeline.service'

const camden = {
  id: 1,
  gss: 'E09000007',
  name: 'Camden',
  officialName: 'London Borough of Camden',
  slug: 'camden',
  inner: true,
  tile: null,
} as Organisation
const entry = {
  id: 7,
  organisationId: 1,
  organisation: camden,
  categoryKey: 'finance-erp',
  currentSystem: null,
  supplier: 'Oracle',
  contractEnd: '2028-03-31',
  plannedStart: null,
  route: 'procure',
  valueBand: '1m-5m',
  status: 'in_procurement',
  shareable: true,
} as unknown as EntryView

const data = (change: Partial<PipelineListData> = {}): PipelineListData => ({
  role: 'admin',
  organisation: camden,
  slug: 'camden',
  canWrite: true,
  entries: [entry],
  priorities: [{ title: 'Housing' }],
  categories: [{ key: 'finance-erp', name: 'Finance and ERP', addresses: null }],
  ...change,
})

describe('the pipeline list view', () => {
  it('words each entry as the table shows it, with its status as a tag and links naming the entry', () => {
    const view = pipelineListView(data())
    expect(view.head.map(h => ('text' in h ? h.text : h.html))).toEqual([
      'Category',
      'Current system',
      'Contract ends',
      'Planned start',
      'Route and value',
      'Status',
      'Shared',
      '<span class="govuk-visually-hidden">Actions</span>',
    ])
    expect(view.rows[0]).toEqual([
      { text: 'Finance and ERP', header: true, classes: 'app-table__row-header' },
      { html: 'Not given<br><span class="govuk-body-s app-secondary-text">Oracle</span>' },
      { text: '31 March 2028' },
      { text: 'Not known' },
      { html: 'Procure<br><span class="govuk-body-s app-secondary-text">£1 million to £4.99 million</span>' },
      { html: '<strong class="govuk-tag govuk-tag--purple">In procurement</strong>' },
      { text: 'Yes' },
      {
        html:
          '<a class="govuk-link" href="/pipeline/entries/7">Change<span class="govuk-visually-hidden"> Finance and ERP entry 7</span></a>' +
          '<br><a class="govuk-link" href="/pipeline/entries/7/delete">Delete<span class="govuk-visually-hidden"> Finance and ERP entry 7</span></a>',
      },
    ])
  })

  it('offers only View to those who may not write, and no second line without a supplier', () => {
    const [row] = pipelineListView(data({ canWrite: false, entries: [{ ...entry, supplier: null }] })).rows
    expect(row?.[1]).toEqual({ html: 'Not given' })
    expect(row?.[7]).toEqual({
      html: '<a class="govuk-link" href="/pipeline/entries/7">View<span class="govuk-visually-hidden"> Finance and ERP entry 7</span></a>',
    })
  })

  it('carries the organisation in links for central roles, and offers the way back', () => {
    const view = pipelineListView(data())
    expect(view.newHref).toBe('/pipeline/entries/new?organisation=camden')
    expect(view.showBack).toBe(true)
    expect(view.plans).toBe('this organisation plans')
    expect(view.similarHref).toBeNull()
    expect(view.entriesCaption).toBe('1 entry')
    expect(view.prioritiesLinkText).toBe('Change priorities')
  })

  it('speaks to a respondent about their own organisation and links to who plans the same', () => {
    const view = pipelineListView(data({ role: 'respondent', slug: undefined, priorities: [] }))
    expect(view.showBack).toBe(false)
    expect(view.newHref).toBe('/pipeline/entries/new')
    expect(view.plans).toBe('your organisation plans')
    expect(view.similarHref).toBe('/pipeline/similar')
    expect(view.prioritiesLinkText).toBe('Choose priorities')
  })

  it('has no similar link and a plural caption as the entries say', () => {
    expect(pipelineListView(data({ role: 'respondent', entries: [] })).similarHref).toBeNull()
    expect(pipelineListView(data({ entries: [entry, { ...entry, id: 8 }] })).entriesCaption).toBe('2 entries')
  })
})

describe('the organisations’ pipelines view', () => {
  it('links each organisation to its pipeline with its count of entries', () => {
    const view = pipelineOrganisationsView(
      [camden, { ...camden, id: 2, name: 'Barnet', slug: 'barnet' }],
      [entry],
      true,
    )
    expect(view.caption).toBe('2 organisations')
    expect(view.head).toEqual([{ text: 'Organisation' }, { text: 'Entries', format: 'numeric' }])
    // Each name links to the organisation's pipeline, more specific here than its organisation page.
    expect(view.rows).toEqual([
      [
        {
          html: '<a class="govuk-link" href="/pipeline?organisation=camden">Camden</a>',
          header: true,
          classes: 'app-table__row-header',
        },
        { text: '1', format: 'numeric' },
      ],
      [
        {
          html: '<a class="govuk-link" href="/pipeline?organisation=barnet">Barnet</a>',
          header: true,
          classes: 'app-table__row-header',
        },
        { text: '0', format: 'numeric' },
      ],
    ])
  })
})
