import type { EntryContent } from '../../src/domain/pipeline/entry'
import type { TestApp } from './test-app'

/** A complete, valid entry as the API takes it; change what a test is about. */
export const entryJson = (
  change: Partial<Record<keyof EntryContent | 'revision' | 'organisation', unknown>> = {},
): Record<string, unknown> => ({
  categoryKey: 'finance-erp',
  currentSystem: 'Oracle E-Business Suite',
  supplier: 'Oracle',
  contractEnd: '2028-03-31',
  plannedStart: '2027-04-01',
  route: 'procure',
  valueBand: '1m-5m',
  status: 'planned',
  addresses: 'foundations',
  notes: 'Open to a joint procurement',
  shareable: true,
  ...change,
})

/** The same entry as the page's form posts it, dates as day, month and year boxes. */
export const entryForm = (change: Record<string, string> = {}): Record<string, string> => ({
  categoryKey: 'finance-erp',
  currentSystem: 'Oracle E-Business Suite',
  supplier: 'Oracle',
  'contractEnd-day': '31',
  'contractEnd-month': '3',
  'contractEnd-year': '2028',
  'plannedStart-day': '1',
  'plannedStart-month': '4',
  'plannedStart-year': '2027',
  route: 'procure',
  valueBand: '1m-5m',
  status: 'planned',
  addresses: 'foundations',
  notes: 'Open to a joint procurement',
  shareable: 'yes',
  ...change,
})

export const CSV_HEADER =
  'category,current_system,supplier,contract_end,planned_start,route,value_band,status,maturity_area,notes,shareable'

/** A valid CSV row; `n` varies the current system so rows can be told apart. */
export const csvRow = (n: number, change: Partial<Record<string, string>> = {}): string => {
  const cells = {
    category: 'hr-payroll',
    current_system: `System ${n}`,
    supplier: 'Supplier Ltd',
    contract_end: '2028-06-30',
    planned_start: '2027-01-01',
    route: 'procure',
    value_band: '500k-1m',
    status: 'planned',
    maturity_area: 'foundations',
    notes: '',
    shareable: 'no',
    ...change,
  }
  return Object.values(cells).join(',')
}

export const csvFile = (rows: string[], header = CSV_HEADER): Buffer =>
  Buffer.from([header, ...rows].join('\r\n') + '\r\n', 'utf8')

export async function entriesOf(t: TestApp, slug: string) {
  const organisation = await t.repos.organisations.findBySlug(slug)
  if (!organisation) throw new Error(`no organisation ${slug}`)
  return t.repos.pipeline.list({ organisationId: organisation.id })
}

/** Every pipeline audit event, to show a refused change left none behind. */
export async function pipelineEvents(t: TestApp) {
  const rows = await t.db
    .knex('audit_events')
    .whereIn('entity_type', ['pipeline_entry', 'service_priorities'])
    .orderBy('id')
    .select<{ action: string; entity_id: string; actor_user_id: number | null }[]>(
      'action',
      'entity_id',
      'actor_user_id',
    )
  return rows
}
