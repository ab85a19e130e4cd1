/**
 * The heatmap's colour scale: ColorBrewer's PuOr, 10 classes, a diverging scheme that people with the
 * common colour-vision deficiencies still read as two sides. Oranges sit below the weak threshold and
 * purples at or above it, each side in five steps that darken away from the threshold. Each side spans
 * its own part of the 1 to 5 scale, so the darkest orange is always the bottom of the scale and the
 * darkest purple the top, wherever the analyst puts the threshold.
 *
 * The hex values and text colours live in public/scss/_insights.scss; every pair passes WCAG AA (4.5:1).
 */
export const SCALE = { min: 1, max: 5 } as const
export const STEPS = 5

export type Side = 'below' | 'above'

export interface Band {
  side: Side
  /** 1 is next to the threshold, STEPS the far end of the scale. */
  step: number
  className: string
  /** The scores this shade covers, in words, for the legend. */
  range: string
}

const className = (side: Side, step: number) => `app-heat--${side}-${step}`

// A score exactly on a band's edge belongs to the band nearer the threshold, despite float error.
const EDGE = 1e-9

/** The shade class of a score, or the one for "no colour" when there is no score. */
export function shadeClass(score: number | null, threshold: number): string {
  if (score === null) return 'app-heat--none'
  const side: Side = score < threshold ? 'below' : 'above'
  const span = side === 'below' ? threshold - SCALE.min : SCALE.max - threshold
  const distance = Math.abs(score - threshold)
  const step = span <= 0 ? 1 : Math.min(STEPS, Math.max(1, Math.ceil((distance / span) * STEPS - EDGE)))
  return className(side, step)
}

const two = (n: number) => n.toFixed(2)

/** Every shade in use at this threshold, from the weakest scores to the strongest, with the scores it covers. */
export function legendBands(threshold: number): Band[] {
  const below: Band[] = []
  const width = (threshold - SCALE.min) / STEPS
  if (width > 0) {
    for (let step = STEPS; step >= 1; step--) {
      const from = threshold - step * width
      const to = threshold - (step - 1) * width
      below.push({
        side: 'below',
        step,
        className: className('below', step),
        range: `${two(from)} to under ${two(to)}`,
      })
    }
  }
  const above: Band[] = []
  const span = (SCALE.max - threshold) / STEPS
  for (let step = 1; step <= STEPS; step++) {
    const from = threshold + (step - 1) * span
    const to = threshold + step * span
    const range = span <= 0 ? two(threshold) : `${step === 1 ? '' : 'over '}${two(from)} to ${two(to)}`
    above.push({ side: 'above', step, className: className('above', step), range })
    if (span <= 0) break
  }
  return [...below, ...above]
}
