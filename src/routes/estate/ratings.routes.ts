import type { Request, Response } from 'express'
import { ValidationError } from '../../domain/errors'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { RatingsConflictError } from '../../services/estate/rate-system.service'
import { paths, patterns } from '../../paths'
import type { FormErrors } from '../../presenters/form-errors'
import {
  postedRatings,
  ratingFormErrors,
  ratingsPageView,
  type TypedRatings,
} from '../../presenters/estate/ratings.presenter'
import { route, type RouteDefinition } from '../route-table'

const RATERS = ['respondent', 'admin'] as const

function params(req: Request) {
  const id = Number(req.params.id)
  const version = Number(req.params.version)
  return {
    id: Number.isSafeInteger(id) && id > 0 ? id : 0,
    ref: { key: String(req.params.standardKey), version: Number.isSafeInteger(version) && version > 0 ? version : 0 },
  }
}

async function render(
  services: Services,
  req: Request,
  res: Response,
  options: { typed?: TypedRatings; errors?: FormErrors; conflict?: boolean } = {},
  status = 200,
) {
  const { id, ref } = params(req)
  const view = await services.ratings.get(signedInUser(req), id, ref)
  await renderPage(
    res,
    'estate/ratings',
    {
      title: `Ratings against the ${view.standard.title}`,
      view: ratingsPageView(view, options),
      errors: options.errors,
    },
    status,
  )
}

/** A system's ratings against a standard, point by point: read by everyone who may see it, changed by its authority. */
export function ratingRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.estateRatings, ALL_ROLES, async (req, res) => render(services, req, res)),
    route('post', patterns.estateRatings, RATERS, async (req, res) => {
      const { id, ref } = params(req)
      const user = signedInUser(req)
      const current = await services.ratings.get(user, id, ref)
      const body = (req.body ?? {}) as Record<string, unknown>
      const typed = postedRatings(
        body,
        current.points.map(p => p.key),
      )
      try {
        await services.ratings.save(user, id, ref, { ...typed, revision: body.revision })
      } catch (error) {
        if (error instanceof ValidationError)
          return render(services, req, res, { typed, errors: ratingFormErrors(error.errors) }, 400)
        if (error instanceof RatingsConflictError) {
          const errors: FormErrors = {
            summary: [{ text: 'Someone else saved ratings for this system first', href: '#conflict' }],
            fields: {},
          }
          return render(services, req, res, { typed, errors, conflict: true }, 409)
        }
        throw error
      }
      req.session.flash = { type: 'success', heading: 'Ratings saved' }
      res.redirect(paths.estateRatings(id, ref.key, ref.version))
    }),
  ]
}
