import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'

/** An organisation as a page names it (its slug, in the address) or the API does (its GSS code, in the body). */
export type OrganisationRef = { slug: string } | { gss: string }

/** Who may see and change which organisation's pipeline. */
export function pipelineAccess(repos: Repositories) {
  const mayRead = (user: User, organisationId: number): boolean =>
    isCentralRole(user.role) || user.organisationId === organisationId

  // Analysts and assessors read London's plans; only the borough, or an administrator on its behalf, changes them.
  const mayWrite = (user: User, organisationId: number): boolean =>
    user.role === 'admin' || (user.role === 'respondent' && user.organisationId === organisationId)

  async function find(ref: OrganisationRef): Promise<Organisation> {
    const all = await repos.organisations.list()
    if ('gss' in ref) {
      const found = all.find(o => o.gss === ref.gss)
      if (!found)
        throw new ValidationError([
          { field: '/organisation', message: `There is no London authority with the GSS code “${ref.gss}”` },
        ])
      return found
    }
    const found = all.find(o => o.slug === ref.slug)
    if (!found) throw new NotFoundError('There is no organisation at this address')
    return found
  }

  /** The organisation to show: a respondent's own (naming another is refused); for central roles, the one named, if any. */
  async function organisation(user: User, ref?: OrganisationRef): Promise<Organisation | undefined> {
    const named = ref && (await find(ref))
    if (isCentralRole(user.role)) return named
    if (named && named.id !== user.organisationId)
      throw new ForbiddenError('You can only see your own organisation’s pipeline.')
    const own = user.organisationId === null ? undefined : await repos.organisations.findById(user.organisationId)
    if (!own) throw new ForbiddenError('Your account does not belong to an organisation')
    return own
  }

  /** The organisation a change is for, when this person may change its pipeline. */
  async function writable(user: User, ref?: OrganisationRef): Promise<Organisation> {
    if (user.role === 'admin') {
      if (!ref)
        throw new ValidationError([
          { field: '/organisation', message: 'Say which organisation this is for, by its GSS code' },
        ])
      return find(ref)
    }
    if (user.role !== 'respondent')
      throw new ForbiddenError('Only an organisation’s respondents and administrators can change its pipeline')
    const own = user.organisationId === null ? undefined : await repos.organisations.findById(user.organisationId)
    if (!own) throw new ForbiddenError('Your account does not belong to an organisation')
    if (ref && (await find(ref)).id !== own.id)
      throw new ForbiddenError('You can only change your own organisation’s pipeline.')
    return own
  }

  return { mayRead, mayWrite, organisation, writable }
}
