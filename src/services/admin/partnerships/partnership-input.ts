import { ValidationError } from '../../../domain/errors'
import { checkPartnershipInput } from '../../../domain/partnership'
import type { Repositories } from '../../../data'
import type { PartnershipInput } from '../../../data/partnership.repository'

export interface PartnershipForm {
  name?: unknown
  description?: unknown
  members?: unknown
}

/** The form as a partnership: members named by slug, checked against the list; the name not another's. */
export async function resolvePartnershipInput(
  repos: Repositories,
  form: PartnershipForm,
  ownId?: number,
): Promise<PartnershipInput> {
  const checked = checkPartnershipInput(form)
  const errors = [...checked.errors]
  const organisations = await repos.organisations.list()
  const bySlug = new Map(organisations.map(o => [o.slug, o]))
  const unknown = (checked.value?.memberSlugs ?? []).filter(s => !bySlug.has(s))
  if (unknown.length > 0) errors.push({ field: 'members', message: 'Select members from the list' })
  if (checked.value) {
    const clash = await repos.partnerships.findByName(checked.value.name)
    if (clash && clash.id !== ownId)
      errors.push({ field: 'name', message: 'A partnership with this name already exists' })
  }
  if (errors.length > 0 || !checked.value) throw new ValidationError(errors)
  return {
    name: checked.value.name,
    description: checked.value.description,
    memberIds: checked.value.memberSlugs.map(s => bySlug.get(s)?.id ?? 0),
  }
}
