import type { Request, Response } from 'express'
import { describeProblem, MAX_ESTATE_IMPORT_BYTES } from '../../domain/estate/csv-import'
import { estateImportTemplate } from '../../domain/estate/csv-template'
import { plural } from '../../domain/format/plurals'
import type { Organisation } from '../../domain/organisation'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { EstateImportRejectedError } from '../../services/estate/estate.service'
import { estateImportView } from '../../presenters/estate/entry.presenter'
import type { FormErrors } from '../../presenters/form-errors'
import { paths } from '../../paths'
import { route, uploadRoute, type RouteDefinition } from '../route-table'
import { organisationRef, slugFor, WRITERS } from './estate-request'

const fileErrors = (problems: string[], inline: string): FormErrors => ({
  summary: problems.map(text => ({ text, href: '#systemsFile' })),
  fields: { systemsFile: inline },
})

const CSV_UPLOAD = {
  field: 'systemsFile',
  maxBytes: MAX_ESTATE_IMPORT_BYTES,
  tooLarge: 'The file must be 1 MB or smaller',
}

export function estateImportRoutes(services: Services): RouteDefinition[] {
  async function renderImport(
    req: Request,
    res: Response,
    organisation: Organisation,
    errors?: FormErrors,
    status = 200,
  ) {
    const slug = slugFor(signedInUser(req), organisation)
    const { categories } = await services.estate.options()
    await renderPage(
      res,
      'estate/import',
      { title: 'Import systems from a spreadsheet', view: estateImportView(organisation, slug, categories), errors },
      status,
    )
  }

  return [
    route('get', paths.estateTemplate, WRITERS, (_req, res) => {
      res.type('text/csv; charset=utf-8').attachment('estate-import-template.csv').send(estateImportTemplate())
    }),

    route('get', paths.estateImport, WRITERS, async (req, res) => {
      const user = signedInUser(req)
      const ref = organisationRef(req)
      if (!ref && user.role === 'admin') {
        res.redirect(paths.estate)
        return
      }
      await renderImport(req, res, await services.estate.writable(user, ref))
    }),

    uploadRoute(paths.estateImport, WRITERS, CSV_UPLOAD, async (req, res) => {
      const user = signedInUser(req)
      const organisation = await services.estate.writable(user, organisationRef(req))
      if (!req.file) {
        const message = 'Choose a CSV file to upload'
        return renderImport(req, res, organisation, fileErrors([message], message), 400)
      }
      let count: number
      try {
        count = (await services.estate.importCsv(user, { slug: organisation.slug }, req.file.buffer)).count
      } catch (error) {
        if (!(error instanceof EstateImportRejectedError)) throw error
        const n = error.problems.length
        const inline = `Nothing was imported. Fix the ${n === 1 ? 'problem' : plural(n, 'problem')} listed above and upload the file again.`
        return renderImport(req, res, organisation, fileErrors(error.problems.map(describeProblem), inline), 422)
      }
      req.session.flash = { type: 'success', heading: `${plural(count, 'system')} imported` }
      const slug = slugFor(user, organisation)
      res.redirect(slug ? paths.estateOrganisation(slug) : paths.estate)
    }),
  ]
}
