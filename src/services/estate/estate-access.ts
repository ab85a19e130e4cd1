import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors'
import type { Organisation } from '../../domain/organisation'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { Repositories } from '../../data'

/** An organisation as a page names it (its slug, in the address) or the API does (its GSS code). */
export type OrganisationRef = { slug: string } | { gss: string }

/**
 * Who may see and change which authority's register. Central roles read every entry; an authority's
 * respondents read their own in full and, of other authorities', only the entries marked shareable.
 */
export function estateAccess(repos: Repositories) {
  const mayReadAll = (user: User, organisationId: number): boolean =>
    isCentralRole(user.role) || user.organisationId === organisationId

  const mayRead = (user: User, entry: { organisationId: number; shareable: boolean }): boolean =>
    mayReadAll(user, entry.organisationId) || entry.shareable

  // Analysts and assessors read London's registers; only the authority, or an administrator on its behalf, changes them.
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
    if (!found) throw new NotFoundError('There is no authority at this address')
    return found
  }

  async function own(user: User): Promise<Organisation> {
    const found = user.organisationId === null ? undefined : await repos.organisations.findById(user.organisationId)
    if (!found) throw new ForbiddenError('Your account does not belong to an authority')
    return found
  }

  /** The organisation a read is about: the one named, if any; a respondent's own when none is named. */
  async function readable(user: User, ref?: OrganisationRef): Promise<Organisation | undefined> {
    if (ref) return find(ref)
    return isCentralRole(user.role) ? undefined : own(user)
  }

  /** The organisation a change is for, when this person may change its register. */
  async function writable(user: User, ref?: OrganisationRef): Promise<Organisation> {
    if (user.role === 'admin') {
      if (!ref)
        throw new ValidationError([
          { field: '/organisation', message: 'Say which authority this is for, by its GSS code' },
        ])
      return find(ref)
    }
    if (user.role !== 'respondent')
      throw new ForbiddenError('Only an authority’s respondents and administrators can change its register')
    const mine = await own(user)
    if (ref && (await find(ref)).id !== mine.id)
      throw new ForbiddenError('You can only change your own authority’s register.')
    return mine
  }

  return { mayRead, mayReadAll, mayWrite, readable, writable, find }
}
