import type { HubAssessment } from '../../services/organisations/organisation-hub'
import type { TableHeadCell } from '../govuk-params'
import { rowHeader } from '../govuk-params'
import { changeInWords, formatScore } from '../scores'
import { hubTable, type HubTable } from './hub-table'

/** One column of the organisation's scores: overall or a dimension, a score (or none) for each round. */
export interface ScoreSeries {
  key: string
  title: string
  scores: (number | null)[]
}

/** Its scores across the rounds it was scored in, oldest first: what the table lists and the chart draws. */
export interface HubScores {
  rounds: string[]
  /** Overall first, then each dimension. */
  series: ScoreSeries[]
}

export function hubScores(assessments: readonly HubAssessment[]): HubScores {
  const scored = assessments.filter(a => a.scores !== null).reverse()
  // The newest questionnaire's dimensions lead; any an older one had and the newest lacks follow.
  const dimensions = new Map<string, string>()
  for (const a of [...scored].reverse()) for (const d of a.scores?.dimensions ?? []) dimensions.set(d.key, d.title)
  return {
    rounds: scored.map(a => a.round.name),
    series: [
      { key: 'overall', title: 'Overall', scores: scored.map(a => a.scores?.overall ?? null) },
      ...[...dimensions].map(([key, title]) => ({
        key,
        title,
        scores: scored.map(a => a.scores?.dimensions.find(d => d.key === key)?.score ?? null),
      })),
    ],
  }
}

/** Its scores by round, oldest first, a column for overall and for each dimension. */
export function trendTable(scores: HubScores): HubTable {
  return hubTable(
    'Scores by round',
    [{ text: 'Round' }, ...scores.series.map((s): TableHeadCell => ({ text: s.title, format: 'numeric' }))],
    scores.rounds.map((round, i) => [
      rowHeader({ text: round }),
      ...scores.series.map(s => ({ text: formatScore(s.scores[i]), format: 'numeric' as const })),
    ]),
    'No assessment of it has been scored yet: scores appear once one is submitted.',
  )
}

/** The first and the last round with a score in a series, or null with fewer than two. */
export function firstAndLast(
  series: ScoreSeries,
  rounds: readonly string[],
): { from: { round: string; score: number }; to: { round: string; score: number }; change: number } | null {
  const present = series.scores.flatMap((score, i) => (score === null ? [] : [{ round: rounds[i] ?? '', score }]))
  const from = present[0]
  const to = present.at(-1)
  return from && to && present.length > 1 ? { from, to, change: to.score - from.score } : null
}

/** One panel's sentence: "From 2.10 in 2025 assessment to 2.40 in 2026 assessment, up 0.30." */
export function seriesSummary(series: ScoreSeries, rounds: readonly string[]): string {
  const span = firstAndLast(series, rounds)
  if (span)
    return `From ${formatScore(span.from.score)} in ${span.from.round} to ${formatScore(span.to.score)} in ${span.to.round}, ${changeInWords(span.change)}.`
  const i = series.scores.findIndex(s => s !== null)
  return i < 0 ? 'No score in any round.' : `${formatScore(series.scores[i])} in ${rounds[i] ?? ''}.`
}

/**
 * What the chart shows, in a sentence or two: the overall score's first and latest, then the dimensions
 * that rose and fell the most over the same span. Null when nothing has been scored.
 */
export function hubTrendSummary(scores: HubScores, name: string): string | null {
  const [overall, ...dimensions] = scores.series
  if (!overall || scores.rounds.length === 0) return null
  const span = firstAndLast(overall, scores.rounds)
  if (!span) {
    const i = overall.scores.findIndex(s => s !== null)
    const latest =
      i < 0
        ? 'it has no overall score'
        : `its overall score was ${formatScore(overall.scores[i])} in ${scores.rounds[i] ?? ''}`
    return `${name} has been scored in 1 round so far; ${latest}. The chart draws a line once it is scored in another.`
  }
  const first = `${name}’s overall score went from ${formatScore(span.from.score)} in ${span.from.round} to ${formatScore(span.to.score)} in ${span.to.round}, ${changeInWords(span.change)}.`
  const moves = dimensions.flatMap(d => {
    const s = firstAndLast(d, scores.rounds)
    return s ? [{ title: d.title, change: Math.round(s.change * 100) / 100 }] : []
  })
  const rise = moves.reduce<(typeof moves)[number] | null>((a, m) => (m.change > (a?.change ?? 0) ? m : a), null)
  const fall = moves.reduce<(typeof moves)[number] | null>((a, m) => (m.change < (a?.change ?? 0) ? m : a), null)
  const parts = [
    rise && `its biggest rise was on ${rise.title} (${changeInWords(rise.change)})`,
    fall && `its biggest fall was on ${fall.title} (${changeInWords(fall.change)})`,
  ].filter(Boolean)
  if (moves.length === 0) return first
  if (parts.length === 0) return `${first} No dimension’s score changed.`
  return `${first} By dimension, ${parts.join('; ')}.`
}
