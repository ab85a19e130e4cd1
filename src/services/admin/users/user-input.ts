import { ValidationError, type FieldError } from '../../../domain/errors'
import { checkUserInput } from '../../../domain/user'
import type { Repositories } from '../../../data'

export interface UserForm {
  email?: unknown
  name?: unknown
  role?: unknown
  organisation?: unknown
}

/** The form as a user's details: the organisation named by its slug, checked against the list. */
export async function resolveUserInput(repos: Repositories, form: UserForm) {
  const slug = typeof form.organisation === 'string' ? form.organisation : ''
  const organisation = slug === '' ? undefined : await repos.organisations.findBySlug(slug)
  const checked = checkUserInput({ ...form, organisationId: organisation?.id ?? null })
  const unknownOrganisation: FieldError[] =
    slug !== '' && !organisation ? [{ field: 'organisation', message: 'Select an organisation from the list' }] : []
  const errors = [
    ...unknownOrganisation,
    ...checked.errors.filter(e => !(unknownOrganisation.length && e.field === 'organisation')),
  ]
  if (errors.length > 0 || !checked.value) throw new ValidationError(errors)
  return checked.value
}

export const emailTaken = (): ValidationError =>
  new ValidationError([{ field: 'email', message: 'A user with this email address already exists' }])
