import type { NextFunction, Request, Response } from 'express'
import { isCentralRole } from '../../domain/roles'
import type { User } from '../../domain/user'
import type { OrganisationRef } from '../../services/estate/estate.service'
import { field } from '../../presenters/form-errors'
import { positiveId } from '../params'

/** The roles that change an authority's register: its own respondents, and admins on its behalf. */
export const WRITERS = ['respondent', 'admin'] as const

/** The authority a central role named: `?organisation=slug` on a page, a hidden field on its form. */
export function organisationRef(req: Request): OrganisationRef | undefined {
  const slug = typeof req.query.organisation === 'string' ? req.query.organisation : field(req.body, 'organisation')
  return slug.trim() === '' ? undefined : { slug: slug.trim() }
}

/** The slug to carry in links and forms: only central roles need to say which authority they mean. */
export const slugFor = (user: User, organisation: { slug: string }): string | undefined =>
  isCentralRole(user.role) ? organisation.slug : undefined

export const entryId = (req: Request): number => positiveId(req.params.id)

/**
 * Only digits are an entry's id: any other segment (such as "concentration") is left for the routes
 * declared after this one, so fixed addresses under the same prefix can live beside `:id`.
 */
export function digitsOnly(req: Request, _res: Response, next: NextFunction): void {
  next(/^\d+$/.test(String(req.params.id)) ? undefined : 'route')
}
