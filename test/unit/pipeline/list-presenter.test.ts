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
  it('words each entry as the table shows it, with links naming the entry', () => {
    const [row] = pipelineListView(data()).rows
    expect(row).toMatchObject({
      category: 'Finance and ERP',
      system: 'Not given',
      supplier: 'Oracle',
      contractEnd: '31 March 2028',
      plannedStart: 'Not known',
      shared: 'Yes',
      changeHref: '/pipeline/entries/7',
      deleteHref: '/pipeline/entries/7/delete',
      linkContext: 'Finance and ERP entry 7',
    })
    expect(row?.tag.classes).toBe('govuk-tag--purple')
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
    expect(view.rows).toEqual([
      { name: 'Camden', href: '/pipeline?organisation=camden', entries: 1 },
      { name: 'Barnet', href: '/pipeline?organisation=barnet', entries: 0 },
    ])
  })
})
