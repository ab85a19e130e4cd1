import { londonDate } from '../../domain/assessment/round'
import { ValidationError, type FieldError } from '../../domain/errors'
import { STATUSES, STATUS_LABELS, type PipelineCategory, type Status } from '../../domain/pipeline/entry'
import { pipelineTable, type ExportedEntry } from '../../domain/pipeline/export-rows'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'
import type { Clock } from '../clock'
import { CSV_TYPE, type ExportFile } from '../reports/export.service'
import { toCsv } from '../reports/export-formats'

export interface PlanFilter {
  category: string | undefined
  status: Status | undefined
}

export interface AllPlans {
  filter: PlanFilter
  categories: PipelineCategory[]
  entries: ExportedEntry[]
}

const one = (raw: unknown): string => (typeof raw === 'string' ? raw.trim() : '')

/** Every authority's entries, filtered by category and status: the central roles' list and its CSV. */
export function pipelinePlans(repos: Repositories, clock: Clock, central: (user: User) => void) {
  async function plans(user: User, raw: Record<string, unknown>): Promise<AllPlans> {
    central(user)
    const [entries, organisations, categories] = await Promise.all([
      repos.pipeline.list(),
      repos.organisations.list(),
      repos.pipeline.categories(),
    ])
    const category = one(raw.category)
    const status = one(raw.status)
    const errors: FieldError[] = []
    if (category !== '' && !categories.some(c => c.key === category))
      errors.push({ field: 'category', message: `“${category}” is not a category on the shared list` })
    if (status !== '' && !(STATUSES as readonly string[]).includes(status))
      errors.push({
        field: 'status',
        message: `The status must be one of: ${STATUSES.map(s => STATUS_LABELS[s]).join(', ')}`,
      })
    if (errors.length > 0) throw new ValidationError(errors)

    const byId = new Map(organisations.map(o => [o.id, o]))
    const names = new Map(categories.map(c => [c.key, c.name]))
    const shown = entries.flatMap((e): ExportedEntry[] => {
      const o = byId.get(e.organisationId)
      if (!o || (category !== '' && e.categoryKey !== category) || (status !== '' && e.status !== status)) return []
      return [
        { ...e, organisation: { gss: o.gss, name: o.name }, categoryName: names.get(e.categoryKey) ?? e.categoryKey },
      ]
    })
    shown.sort(
      (a, b) =>
        a.organisation.name.localeCompare(b.organisation.name, 'en-GB') ||
        a.categoryName.localeCompare(b.categoryName, 'en-GB') ||
        a.id - b.id,
    )
    return {
      filter: { category: category || undefined, status: (status || undefined) as Status | undefined },
      categories,
      entries: shown,
    }
  }

  return {
    plans,

    categories: (): Promise<PipelineCategory[]> => repos.pipeline.categories(),

    /** The pipeline as a spreadsheet: text neutralised so no cell runs as a formula. */
    async csv(user: User, raw: Record<string, unknown>): Promise<ExportFile> {
      const all = await plans(user, raw)
      const date = londonDate(clock())
      return { filename: `london-pipeline-${date}.csv`, contentType: CSV_TYPE, body: toCsv(pipelineTable(all.entries)) }
    },
  }
}
