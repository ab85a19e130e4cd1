import type { Request, Response } from 'express'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { OrganisationRef } from '../../services/pipeline/pipeline-access'
import { signedInUser } from '../../middleware/require-access'
import { field } from '../../presenters/form-errors'
import { paths } from '../../paths'
import { positiveId } from '../params'

/** The roles that change an organisation's pipeline: its own respondents, and admins on its behalf. */
export const WRITERS = ['respondent', 'admin'] as const

/** The organisation a central role named: `?organisation=slug` on a page, a hidden field on its form. */
export function organisationRef(req: Request): OrganisationRef | undefined {
  const slug = typeof req.query.organisation === 'string' ? req.query.organisation : field(req.body, 'organisation')
  return slug.trim() === '' ? undefined : { slug: slug.trim() }
}

/** The slug to carry in links and forms: only central roles need to say which organisation they mean. */
export const slugFor = (user: User, organisation: { slug: string }): string | undefined =>
  isCentralRole(user.role) ? organisation.slug : undefined

export const entryId = (req: Request): number => positiveId(req.params.id)

/**
 * An administrator opening a pipeline form without saying for which organisation is sent to the
 * pipeline page to choose one. True when the response has been sent.
 */
export function sentToChooseOrganisation(req: Request, res: Response): boolean {
  if (organisationRef(req) || signedInUser(req).role !== 'admin') return false
  res.redirect(paths.pipeline)
  return true
}
