import { NotFoundError, ValidationError, type FieldError } from '../../domain/errors'
import { heatmapScope, type HeatmapLevel } from '../../domain/insights/heatmap'
import type { User } from '../../domain/user'
import type { Heatmap, InsightsService } from '../../services/insights/insights.service'
import type { FormErrors } from '../../presenters/form-errors'

type Raw = Record<string, unknown>

const given = (raw: Raw, name: string): string | undefined => {
  const value = raw[name]
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined
}

const without = (raw: Raw, names: Iterable<string>): Raw => {
  const drop = new Set(names)
  return Object.fromEntries(Object.entries(raw).filter(([name]) => !drop.has(name)))
}

/** The drill-down and partnership exist only in the round itself, so they are checked against a heatmap of it. */
function missing(base: Heatmap, raw: Raw, invalid: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = []
  const partnership = given(raw, 'partnership')
  if (
    !invalid.has('partnership') &&
    partnership !== undefined &&
    !base.partnerships.some(p => p.id === Number(partnership))
  )
    errors.push({ field: 'partnership', message: `There is no partnership numbered "${partnership}"` })
  const level = (given(raw, 'level') ?? 'dimension') as HeatmapLevel
  const parent = given(raw, 'parent')
  if (!invalid.has('level') && !invalid.has('parent') && !heatmapScope(base.definition, level, parent)) {
    const above = level === 'theme' ? 'dimension' : 'theme'
    errors.push({ field: 'parent', message: `There is no ${above} "${parent ?? ''}" in this round’s questionnaire` })
  }
  return errors
}

export interface HeatmapPage {
  heatmap: Heatmap
  problems: FieldError[]
  /** 400 for a malformed control, 404 for one naming nothing in the round, 200 otherwise. */
  status: number
}

/**
 * The heatmap a page can show for any address: a wrong control is named and put back to its default
 * while the analyst's other choices stay, so a typo never costs them the view. An unknown round is
 * still a 404 page, as there is nothing to show.
 */
export async function heatmapForPage(
  insights: InsightsService,
  user: User,
  roundId: number,
  raw: Raw,
): Promise<HeatmapPage> {
  try {
    return { heatmap: await insights.heatmap(user, roundId, raw), problems: [], status: 200 }
  } catch (error) {
    if (!(error instanceof ValidationError) && !(error instanceof NotFoundError)) throw error
    const invalid = error instanceof ValidationError ? error.errors : []
    const dropped = new Set(invalid.map(e => e.field))
    const base = await insights.heatmap(user, roundId, without(raw, [...dropped, 'level', 'parent', 'partnership']))
    const notFound = missing(base, raw, dropped)
    const problems = [...invalid, ...notFound]
    if (problems.length === 0) throw error
    for (const p of problems) dropped.add(p.field)
    // A level without its parent, or a parent without its level, is no drill-down at all.
    if (dropped.has('level') || dropped.has('parent')) dropped.add('level').add('parent')
    const kept = without(raw, dropped)
    const heatmap =
      given(kept, 'level') !== undefined || given(kept, 'partnership') !== undefined
        ? await insights.heatmap(user, roundId, kept)
        : base
    return { heatmap, problems, status: invalid.length > 0 ? 400 : 404 }
  }
}

/** Each control's name on the page, and where its error summary entry takes the analyst. */
const CONTROLS: Record<string, { label: string; href: string }> = {
  level: { label: 'The level', href: '#drill-down' },
  parent: { label: 'The drill-down', href: '#drill-down' },
  basis: { label: 'Basis', href: '#basis' },
  threshold: { label: 'Weak threshold', href: '#threshold' },
  order: { label: 'Row order', href: '#order' },
  partnership: { label: 'Partnership', href: '#partnership' },
  minSize: { label: 'Minimum cluster size', href: '#heatmap-controls' },
  k: { label: 'Number of peer groups', href: '#heatmap-controls' },
}

/** The query's problems for the GOV.UK error summary and the controls' inline messages, each naming its control. */
export function controlErrors(problems: readonly FieldError[]): FormErrors {
  const fields: Record<string, string> = {}
  const summary: FormErrors['summary'] = []
  for (const p of problems) {
    const control = CONTROLS[p.field] ?? { label: p.field, href: '#heatmap-controls' }
    const text = p.message.startsWith(`${p.field} `)
      ? `${control.label} ${p.message.slice(p.field.length + 1)}`
      : p.message
    if (fields[p.field]) continue
    fields[p.field] = text
    summary.push({ text, href: control.href })
  }
  return { summary, fields }
}
