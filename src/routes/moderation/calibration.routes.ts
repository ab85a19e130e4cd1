import type { Request } from 'express'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { paths, patterns } from '../../paths'
import { calibrationView } from '../../presenters/moderation/calibration.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const roundIdOf = (req: Request): number => positiveId(req.params.id)

export function calibrationRoutes(services: Services): RouteDefinition[] {
  return [
    // The round picker is a GET form, which cannot put the round in the path: this turns its choice into one.
    route('get', paths.calibrations, CENTRAL_ROLES, async (req, res) => {
      const chosen = positiveId(req.query.round) || (await services.calibration.defaultRoundId(signedInUser(req)))
      if (chosen) {
        res.redirect(paths.calibration(chosen))
        return
      }
      await renderPage(res, 'moderation/calibration', { title: 'Calibration', view: calibrationView([], null, []) })
    }),

    route('get', patterns.calibration, CENTRAL_ROLES, async (req, res) => {
      const calibration = await services.calibration.forRound(signedInUser(req), roundIdOf(req))
      const [rounds, organisations] = await Promise.all([services.rounds.list(), services.organisations.list()])
      await renderPage(res, 'moderation/calibration', {
        title: `Calibration: ${calibration.round.name}`,
        view: calibrationView(rounds, calibration, organisations),
      })
    }),
  ]
}
