const MINUS = '\u2212'

/** +0.75, −0.67, 0.00: the sign is always written, so the direction reads without the word. */
export function signed(value: number): string {
  const fixed = Math.abs(value).toFixed(2)
  if (fixed === '0.00') return fixed
  return `${value > 0 ? '+' : MINUS}${fixed}`
}
