import { patterns } from '../../paths'
import type { Request, Response } from 'express'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { ExportFile } from '../../services/reports/export.service'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const roundId = (req: Request): number => positiveId(req.params.id)

/** Exports hold a borough's answers: no cache on a shared computer may keep a copy. */
function sendFile(res: Response, file: ExportFile): void {
  res.attachment(file.filename).type(file.contentType).set('Cache-Control', 'no-store').send(file.body)
}

/** Every signed-in role may ask; the service decides whose rows they get. */
export function exportRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.roundExportCsv, ALL_ROLES, async (req, res) => {
      sendFile(res, await services.exports.csv(signedInUser(req), roundId(req)))
    }),
    route('get', patterns.roundExportXlsx, ALL_ROLES, async (req, res) => {
      sendFile(res, await services.exports.xlsx(signedInUser(req), roundId(req)))
    }),
  ]
}
