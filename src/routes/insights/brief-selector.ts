import type { FieldError } from '../../domain/errors'
import type { BriefSelector } from '../../services/insights/cluster-brief.service'

const KINDS = ['shared', 'geographic', 'peer'] as const

const one = (raw: Record<string, unknown>, name: string): string | undefined => {
  const value = raw[name]
  const text: unknown = Array.isArray(value) ? (value as unknown[])[0] : value
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined
}

/** Which cluster a brief's address names; anything missing or malformed is named, for a clear 400. */
export function parseBriefSelector(raw: Record<string, unknown>): { value?: BriefSelector; errors: FieldError[] } {
  const kind = one(raw, 'kind')
  if (!kind || !(KINDS as readonly string[]).includes(kind)) {
    const given = kind === undefined ? 'nothing' : `"${kind}"`
    return { errors: [{ field: 'kind', message: `kind must be one of "shared", "geographic", "peer", not ${given}` }] }
  }
  if (kind === 'peer') {
    const group = one(raw, 'group')
    if (group === undefined || !/^[1-9]\d{0,5}$/.test(group))
      return {
        errors: [{ field: 'group', message: `group must be a peer group’s number, from 1, not "${group ?? ''}"` }],
      }
    return { value: { kind, group: Number(group) }, errors: [] }
  }
  const key = one(raw, 'key')
  const member = one(raw, 'member')
  const errors: FieldError[] = []
  if (key === undefined) errors.push({ field: 'key', message: 'key must name the column the cluster is weak on' })
  if (kind === 'geographic' && member === undefined)
    errors.push({ field: 'member', message: 'member must be the GSS code of an organisation in the cluster' })
  if (errors.length > 0 || key === undefined) return { errors }
  return { value: kind === 'shared' ? { kind, key } : { kind: 'geographic', key, member: member ?? '' }, errors }
}
