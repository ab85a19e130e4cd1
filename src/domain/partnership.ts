import type { FieldError } from './errors'

export interface PartnershipDraft {
  name: string
  description: string
  memberSlugs: string[]
}

/** Checks an admin's partnership form; member slugs are resolved against the organisations by the caller. */
/** A partnership's description, at most this many characters. */
export const DESCRIPTION_MAX_LENGTH = 2000

export function checkPartnershipInput(raw: { name?: unknown; description?: unknown; members?: unknown }): {
  value?: PartnershipDraft
  errors: FieldError[]
} {
  const errors: FieldError[] = []
  const name = typeof raw.name === 'string' ? raw.name.trim() : ''
  const description = typeof raw.description === 'string' ? raw.description.trim() : ''
  const members = raw.members === undefined ? [] : Array.isArray(raw.members) ? raw.members : [raw.members]
  const memberSlugs = [...new Set(members.filter((m): m is string => typeof m === 'string'))]
  if (name === '') errors.push({ field: 'name', message: 'Enter the partnership’s name' })
  else if (name.length > 200) errors.push({ field: 'name', message: 'Name must be 200 characters or fewer' })
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    errors.push({ field: 'description', message: 'Description must be 2,000 characters or fewer' })
  }
  if (memberSlugs.length !== members.length && members.some(m => typeof m !== 'string')) {
    errors.push({ field: 'members', message: 'Select members from the list' })
  } else if (memberSlugs.length < 2) {
    errors.push({ field: 'members', message: 'Select at least 2 member organisations: a partnership buys for several' })
  }
  return errors.length > 0 ? { errors } : { value: { name, description, memberSlugs }, errors }
}
