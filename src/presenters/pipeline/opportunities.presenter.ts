import { DEFAULT_WINDOW_MONTHS, type AreaWeakness } from '../../domain/pipeline/opportunities'
import type { OpportunityList } from '../../services/pipeline/opportunity.service'
import type { PipelineMaturity } from '../../services/pipeline/pipeline-maturity'
import { paths } from '../../paths'

/** '2027-01-31' as '31 January 2027'. */
export const longDate = (date: string): string =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

/** Lower-cases a name's first letter inside a sentence, but leaves acronyms ("HR and payroll") alone. */
export const inSentence = (name: string): string =>
  /^[A-Z][a-z’']/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`

export const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`

/** "9 of the 12 authorities with plans for a data platform are weak on data", with who has no score. */
export function weaknessSentence(w: AreaWeakness & { title: string }, categoryName: string): string {
  const n = w.organisations.length
  const u = w.unscored.length
  const area = inSentence(w.title)
  const plans = `with plans for ${inSentence(categoryName)}`
  if (u === n)
    return n === 1
      ? `The one authority ${plans} has no score on ${area}`
      : `None of the ${n} authorities ${plans} has a score on ${area}`
  const main =
    n === 1
      ? `The one authority ${plans} ${w.weak.length === 1 ? 'is' : 'is not'} weak on ${area}`
      : `${w.weak.length} of the ${n} authorities ${plans} ${w.weak.length === 1 ? 'is' : 'are'} weak on ${area}`
  return u === 0 ? main : `${main} (${u} of them ${u === 1 ? 'has' : 'have'} no score there)`
}

/** Says where the weaknesses come from, so nobody mistakes a partial round for a complete one. */
export function maturityNote(maturity: PipelineMaturity | undefined): string {
  if (!maturity) return 'No assessment round has scores yet, so plans cannot be joined to maturity.'
  const which = maturity.closed
    ? 'the latest closed round with scores'
    : 'the latest round with scores; it is still open, so only those that have handed in count'
  return `Weak means a final score below ${maturity.threshold} on the scale of 1 to 5 in ${maturity.round.name} (${which}), where ${plural(maturity.scored, 'organisation')} ${maturity.scored === 1 ? 'has' : 'have'} a score.`
}

export const windowQuery = (months: number): string =>
  months === DEFAULT_WINDOW_MONTHS ? '' : `?windowMonths=${months}`

export interface OpportunityRow {
  key: string
  name: string
  href: string
  organisations: number
  names: string
  entries: number
  buyers: number
  earliest: string
  latest: string
  hasWeakness: boolean
  weakness: string[]
  noWeakness: string
}

/** The type of the opportunities page's view model (the results under its form). */
export interface OpportunitiesView {
  months: number
  from: string
  to: string
  hasRows: boolean
  rows: OpportunityRow[]
  quarters: readonly string[]
  hasTimeline: boolean
  timeline: { name: string; cells: { count: number; classes: string }[]; total: number }[]
  quarterTotals: number[]
  total: number
  maturityNote: string
}

/** The opportunities page's view model: every figure in words, and the timeline table's numbers. */
export function opportunitiesView(list: OpportunityList): OpportunitiesView {
  const nameOf = (gss: string) => list.organisations.get(gss)?.name ?? gss
  const rows = list.opportunities.map(({ opportunity: o, weakness }) => {
    const sentences = list.maturity ? weakness.map(w => weaknessSentence(w, o.category.name)) : []
    return {
      key: o.category.key,
      name: o.category.name,
      href: paths.pipelineOpportunity(o.category.key, windowQuery(list.months)),
      organisations: o.organisations.length,
      names: listed(o.organisations.map(nameOf).sort((a, b) => a.localeCompare(b, 'en-GB'))),
      entries: o.entries.length,
      buyers: o.buyers,
      earliest: longDate(o.earliest),
      latest: longDate(o.latest),
      hasWeakness: sentences.length > 0,
      weakness: sentences,
      noWeakness: list.maturity ? 'No maturity area named for these plans' : 'No scores to compare yet',
    }
  })
  const timeline = list.opportunities
    .map(({ opportunity: o }) => ({
      name: o.category.name,
      counts: o.contractEndsByQuarter.map(q => q.count),
      total: o.contractEndsByQuarter.reduce((sum, q) => sum + q.count, 0),
    }))
    .filter(t => t.total > 0)
  const quarterTotals = list.quarters.map((_, i) => timeline.reduce((sum, t) => sum + (t.counts[i] ?? 0), 0))
  return {
    months: list.months,
    from: longDate(list.window.from),
    to: longDate(list.window.to),
    hasRows: rows.length > 0,
    rows,
    quarters: list.quarters,
    hasTimeline: timeline.length > 0,
    timeline: timeline.map(t => ({
      name: t.name,
      cells: t.counts.map(count => ({ count, classes: count === 0 ? ' app-secondary-text' : '' })),
      total: t.total,
    })),
    quarterTotals,
    total: quarterTotals.reduce((a, b) => a + b, 0),
    maturityNote: maturityNote(list.maturity),
  }
}
