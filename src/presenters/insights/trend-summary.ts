import type { Movement } from '../../domain/insights/trend-movement'
import { formatScore } from '../scores'

const organisations = (n: number) => `${n} ${n === 1 ? 'organisation' : 'organisations'}`

/** "the median moved from 2.10 to 2.40", or "stayed at" where the two print the same. */
function medianWords(median: NonNullable<Movement['median']>): string {
  const [previous, current] = [formatScore(median.previous), formatScore(median.current)]
  return previous === current ? `the median stayed at ${current}` : `the median moved from ${previous} to ${current}`
}

/**
 * "21 of 30 organisations rose{on}, 5 fell and 4 did not change; the median moved from 2.10 to 2.40.",
 * naming only the ways some moved: "None of 3 organisations rose{on}; 3 fell; …".
 */
export function movementSummary(m: Movement, on = ''): string {
  if (m.median === null) return `No organisation has a score${on} in both rounds.`
  const of = `of ${organisations(m.slopes.length)}`
  const rose = m.rose === 0 ? `None ${of} rose${on}` : `${m.rose} ${of} rose${on}`
  const others = [m.fell > 0 ? `${m.fell} fell` : '', m.same > 0 ? `${m.same} did not change` : ''].filter(Boolean)
  const moved = others.length === 0 ? rose : `${rose}${m.rose === 0 ? ': ' : ', '}${others.join(' and ')}`
  return `${moved}; ${medianWords(m.median)}.`
}

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`

/**
 * Where the most moved one way: "the most rose on Data (25 of 30)", two sharing the lead named together;
 * where more share it, how many moved on each, rather than a list longer than the chart.
 */
function widest(dimensions: readonly Movement[], way: 'rose' | 'fell'): string | null {
  const most = Math.max(0, ...dimensions.map(d => d[way]))
  if (most === 0) return null
  const leading = dimensions.filter(d => d[way] === most)
  if (leading.length > 2) {
    const which = leading.length === dimensions.length ? `all ${leading.length}` : `${leading.length}`
    return `${most} ${way} on each of ${which} dimensions`
  }
  return `the most ${way} on ${listed(leading.map(d => `${d.title} (${most} of ${d.slopes.length})`))}`
}

/**
 * The trend in two sentences: how many rose and fell overall and where the median went, then the
 * dimensions on which the most rose and the most fell. `movements` is overall first, as trendMovements gives.
 */
export function trendSummary(movements: readonly Movement[], names: { previous: string; current: string }): string {
  const [overall, ...dimensions] = movements
  const between = `Between ${names.previous} and ${names.current}`
  if (!overall || overall.median === null) return `${between}, no organisation handed in both assessments.`
  const said = movementSummary(overall, ' overall')
  const first = `${between}, ${said.charAt(0).toLowerCase()}${said.slice(1)}`
  const rose = widest(dimensions, 'rose')
  const fell = widest(dimensions, 'fell')
  const parts = [rose, fell].filter(Boolean)
  if (parts.length === 0) return `${first} No dimension moved.`
  const second = parts.join('; ')
  return `${first} By dimension, ${second}.`
}
