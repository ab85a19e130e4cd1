import { DEFAULT_MIN_RATERS } from '../../domain/estate/position'
import { NotFoundError, type FieldError } from '../../domain/errors'

const MAX_MIN_RATERS = 33

/** The product's id from an address: anything but a whole number is no product. */
export function productIdOf(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError('There is no such product')
  return Number(raw)
}

export const stringOf = (raw: unknown): string | undefined =>
  typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined
export const isGiven = (raw: unknown): boolean => raw !== undefined && !(typeof raw === 'string' && raw.trim() === '')

/** `?standard=KEY&version=N&minRaters=M`, each optional; wrong values name themselves. */
export function parseScorecardQuery(raw: Record<string, unknown>): {
  standard?: string
  version?: number
  minRaters: number
  errors: FieldError[]
} {
  const errors: FieldError[] = []
  const given = (v: unknown) => (typeof v === 'string' ? `“${v.slice(0, 50)}”` : 'a list')
  const standard = stringOf(raw.standard)
  if (isGiven(raw.standard) && (standard === undefined || !/^[a-z0-9-]{1,100}$/.test(standard)))
    errors.push({ field: 'standard', message: `The standard must be a standard’s key, not ${given(raw.standard)}` })
  let version: number | undefined
  if (isGiven(raw.version)) {
    const text = stringOf(raw.version) ?? ''
    if (/^\d{1,6}$/.test(text) && Number(text) >= 1) version = Number(text)
    else
      errors.push({ field: 'version', message: `The version must be a whole number from 1, not ${given(raw.version)}` })
    if (standard === undefined && errors.every(e => e.field !== 'standard'))
      errors.push({ field: 'version', message: 'A version needs a standard: give standard=KEY with it' })
  }
  let minRaters = DEFAULT_MIN_RATERS
  if (isGiven(raw.minRaters)) {
    const text = stringOf(raw.minRaters) ?? ''
    if (/^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_MIN_RATERS) minRaters = Number(text)
    else
      errors.push({
        field: 'minRaters',
        message: `The fewest raters must be a whole number from 1 to ${MAX_MIN_RATERS}, not ${given(raw.minRaters)}`,
      })
  }
  return { standard, version, minRaters, errors }
}
