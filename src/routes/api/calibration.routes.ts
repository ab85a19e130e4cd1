import { patterns } from '../../paths'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { calibrationJson } from '../../presenters/moderation/calibration.presenter'
import { route, type RouteDefinition } from '../route-table'

export function apiCalibrationRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.api.roundCalibration, CENTRAL_ROLES, async (req, res) => {
      const id = Number(req.params.id)
      const calibration = await services.calibration.forRound(signedInUser(req), Number.isSafeInteger(id) ? id : 0)
      res.json(calibrationJson(calibration))
    }),
  ]
}
