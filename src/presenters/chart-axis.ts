import { LEVEL_VALUES } from '../domain/questionnaire/definition'

/**
 * What the SVG charts share: the 1 to 5 score axis, evenly spaced columns, and labels broken into lines
 * that fit. Charts are drawn in SVG user units and scale with their column, so a label sized here keeps
 * its place beside the marks at any width.
 */

/** Coordinates to a tenth of a unit: finer than any screen shows, and short in the markup. */
export const unit = (n: number): number => Math.round(n * 10) / 10

const LOWEST = Math.min(...LEVEL_VALUES)
const HIGHEST = Math.max(...LEVEL_VALUES)

export interface ScoreTick {
  score: number
  label: string
  y: number
}

export interface ScoreAxis {
  /** Where a score sits: the highest at `top`, the lowest at `bottom`. */
  y: (score: number) => number
  /** A tick at each level, lowest first. */
  ticks: ScoreTick[]
}

/** The vertical score axis, from the lowest level at `bottom` to the highest at `top`. */
export function scoreAxis(top: number, bottom: number): ScoreAxis {
  const y = (score: number) => unit(bottom - ((score - LOWEST) / (HIGHEST - LOWEST)) * (bottom - top))
  return { y, ticks: LEVEL_VALUES.map(level => ({ score: level, label: String(level), y: y(level) })) }
}

/** The centres of `count` equal columns between `left` and `right`. */
export function columnCentres(left: number, right: number, count: number): number[] {
  const width = (right - left) / Math.max(count, 1)
  return Array.from({ length: count }, (_, i) => unit(left + width * (i + 0.5)))
}

/** A title broken into lines of about `perLine` characters: at most three, the last taking what is left. */
export function headingLines(title: string, perLine = 12): string[] {
  const lines: string[] = []
  for (const word of title.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && (last + ' ' + word).length <= perLine) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines.length <= 3 ? lines : [...lines.slice(0, 2), lines.slice(2).join(' ')]
}

/** Lines of a label with the drop of each from the one before, as `<tspan dy>` takes them. */
export const labelLines = (title: string, perLine: number, lineHeight: number): { text: string; dy: number }[] =>
  headingLines(title, perLine).map((text, n) => ({ text, dy: n === 0 ? 0 : lineHeight }))
