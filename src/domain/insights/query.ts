import type { FieldError } from '../errors'
import type { Basis } from '../scoring'
import { HEATMAP_LEVELS, type HeatmapLevel } from './heatmap'

export const ROW_ORDERS = ['name', 'overall', 'similarity'] as const
export type RowOrder = (typeof ROW_ORDERS)[number]
const BASES: readonly Basis[] = ['final', 'self']

export interface InsightQuery {
  level: HeatmapLevel
  parent?: string
  basis: Basis
  threshold: number
  order: RowOrder
  partnershipId?: number
  minSize: number
  k: number
}

type Raw = Record<string, unknown>

const one = (raw: Raw, name: string): string | undefined => {
  const value = raw[name]
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

const list = (values: readonly string[]) => values.map(v => `"${v}"`).join(', ')

/**
 * The heatmap's and the clusters' controls, from a query string: anything missing takes its default and
 * anything wrong is named, so a typed-in address gets a clear 400 rather than a guess.
 */
export function parseInsightQuery(
  raw: Raw,
  defaults: { threshold: number },
): { value?: InsightQuery; errors: FieldError[] } {
  const errors: FieldError[] = []
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const given = one(raw, name)
    if (given === undefined) return fallback
    if ((allowed as readonly string[]).includes(given)) return given as T
    errors.push({ field: name, message: `${name} must be one of ${list(allowed)}, not "${given}"` })
    return fallback
  }
  const number = (name: string, fallback: number, check: (n: number) => string | undefined): number => {
    const given = one(raw, name)
    if (given === undefined) return fallback
    const value = Number(given)
    const problem = Number.isFinite(value) && /^-?\d+(\.\d+)?$/.test(given) ? check(value) : 'must be a number'
    if (problem) errors.push({ field: name, message: `${name} ${problem}, not "${given}"` })
    return problem ? fallback : value
  }
  const whole = (n: number) => (Number.isInteger(n) && n >= 1 ? undefined : 'must be a positive whole number')

  const level = pick('level', HEATMAP_LEVELS, 'dimension')
  const parent = one(raw, 'parent')
  if (level !== 'dimension' && parent === undefined)
    errors.push({
      field: 'parent',
      message: `parent must name the ${level === 'theme' ? 'dimension' : 'theme'} to open`,
    })
  const partnership = one(raw, 'partnership')
  const partnershipId = partnership === undefined ? undefined : Number(partnership)
  if (partnershipId !== undefined && !(Number.isSafeInteger(partnershipId) && partnershipId > 0))
    errors.push({ field: 'partnership', message: `partnership must be a partnership’s number, not "${partnership}"` })

  const value: InsightQuery = {
    level,
    parent: level === 'dimension' ? undefined : parent,
    basis: pick('basis', BASES, 'final'),
    threshold: number('threshold', defaults.threshold, n =>
      n >= 1 && n <= 5 ? undefined : 'must be on the scale, from 1 to 5',
    ),
    order: pick('order', ROW_ORDERS, 'name'),
    partnershipId,
    minSize: number('minSize', 3, whole),
    k: number('k', 4, whole),
  }
  return errors.length > 0 ? { errors } : { value, errors }
}
