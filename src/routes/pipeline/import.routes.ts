import type { Request, Response } from 'express'
import { describeProblem, MAX_IMPORT_BYTES } from '../../domain/pipeline/csv-import'
import { importTemplate } from '../../domain/pipeline/csv-template'
import type { Organisation } from '../../domain/organisation'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { ImportRejectedError } from '../../services/pipeline/pipeline.service'
import { paths } from '../../paths'
import { organisationRef, slugFor, WRITERS, sentToChooseOrganisation } from './pipeline-request'
import { withOrganisation } from '../../presenters/pipeline/pipeline.presenter'
import { importView } from '../../presenters/pipeline/import.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, uploadRoute, type RouteDefinition } from '../route-table'
import { plural } from '../../domain/format/plurals'

const fileErrors = (problems: string[], inline: string) => ({
  summary: problems.map(text => ({ text, href: '#entriesFile' })),
  fields: { entriesFile: inline },
})

const CSV_UPLOAD = { field: 'entriesFile', maxBytes: MAX_IMPORT_BYTES, tooLarge: 'The file must be 1 MB or smaller' }

export function pipelineImportRoutes(services: Services): RouteDefinition[] {
  async function renderImport(req: Request, res: Response, organisation: Organisation, errors?: unknown, status = 200) {
    const slug = slugFor(signedInUser(req), organisation)
    await renderPage(
      res,
      'pipeline/import',
      {
        title: 'Import pipeline entries from a spreadsheet',
        view: importView(organisation, slug, await services.pipeline.options()),
        errors,
      },
      status,
    )
  }

  return [
    route('get', paths.pipelineTemplate, WRITERS, (_req, res) => {
      res.type('text/csv; charset=utf-8').attachment('pipeline-import-template.csv').send(importTemplate())
    }),

    route('get', paths.pipelineImport, WRITERS, async (req, res) => {
      if (sentToChooseOrganisation(req, res)) return
      const user = signedInUser(req)
      const ref = organisationRef(req)
      await renderImport(req, res, await services.pipeline.writable(user, ref))
    }),

    uploadRoute(paths.pipelineImport, WRITERS, CSV_UPLOAD, async (req, res) => {
      const user = signedInUser(req)
      const organisation = await services.pipeline.writable(user, organisationRef(req))
      if (!req.file) {
        const message = 'Choose a CSV file to upload'
        return renderImport(req, res, organisation, fileErrors([message], message), 400)
      }
      let count: number
      try {
        count = (await services.pipeline.importCsv(user, { slug: organisation.slug }, req.file.buffer)).count
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error
        const n = error.problems.length
        const inline = `Nothing was imported. Fix the ${n === 1 ? 'problem' : plural(n, 'problem')} listed above and upload the file again.`
        return renderImport(req, res, organisation, fileErrors(error.problems.map(describeProblem), inline), 422)
      }
      req.session.flash = {
        type: 'success',
        heading: `${plural(count, 'entry', 'entries')} imported`,
        body: 'They are in the table below; change any of them here.',
      }
      res.redirect(withOrganisation(paths.pipeline, slugFor(user, organisation)))
    }),
  ]
}
