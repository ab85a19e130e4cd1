import type { ScoreLine } from '../../services/reports/report.service'
import { formatScore } from '../scores'

/** Every dimension on a score, so a tie is not reported as one dimension standing out. */
function tied(lines: { title: string; final: number }[], score: number): string {
  const titles = lines.filter(l => l.final === score).map(l => l.title)
  return titles.length === 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) ?? ''}`
}

/**
 * What the dimension chart shows, in a sentence or two, for people who read rather than look: the
 * strongest and weakest dimension and how many sit above London's median.
 */
export function dimensionScoreSummary(name: string, dimensions: ScoreLine[]): string {
  const scored = dimensions.filter((d): d is ScoreLine & { final: number } => d.final !== null)
  const byScore = [...scored].sort((a, b) => b.final - a.final)
  const [top] = byScore
  const bottom = byScore.at(-1)
  if (!top || !bottom) return `${name} has no score on any dimension yet.`
  const sentences =
    scored.length === 1
      ? [`${name} has a score on one dimension: ${top.title} (${formatScore(top.final)}).`]
      : [
          `${name} scores highest on ${tied(scored, top.final)} (${formatScore(top.final)}) and lowest on ${tied(scored, bottom.final)} (${formatScore(bottom.final)}).`,
        ]
  const compared = scored.flatMap(d => (d.london ? [{ final: d.final, median: d.london.median }] : []))
  if (compared.length > 0) {
    const above = compared.filter(d => d.final > d.median).length
    const below = compared.filter(d => d.final < d.median).length
    const level = compared.length - above - below
    const levelWith = level > 0 ? `, level with it on ${level}` : ''
    const dimensions = compared.length === 1 ? 'dimension' : 'dimensions'
    sentences.push(
      `It is above London’s median on ${above} of ${compared.length} ${dimensions}${levelWith} and below it on ${below}.`,
    )
  }
  return sentences.join(' ')
}
