import type { Request, RequestHandler, Response } from 'express'
import { ConflictError } from '../../domain/errors'
import { MAX_DEFINITION_BYTES } from '../../domain/questionnaire/limits'
import { signedInUser } from '../../middleware/require-access'
import { renderPage } from '../../middleware/render-page'
import type { Services } from '../../services'
import { DefinitionInvalidError } from '../../services/admin/questionnaire.service'
import { paths, patterns } from '../../paths'
import { uploadRefusal } from '../../presenters/admin/questionnaire-upload.presenter'
import {
  adminStandardsView,
  standardDeleteCheckView,
  standardPublishCheckView,
  standardRetireCheckView,
  standardVersionView,
} from '../../presenters/estate/standards.presenter'
import { route, uploadRoute, type RouteDefinition } from '../route-table'
import { standardExample, standardSchema } from '../../services/estate/standard-downloads'
import type { Download } from '../../services/admin/questionnaires/definition-downloads'

const ADMIN = ['admin'] as const
const STANDARD_UPLOAD = {
  field: 'definitionFile',
  maxBytes: MAX_DEFINITION_BYTES,
  tooLarge: 'The file must be 1 MB or smaller',
}

function versionParams(req: Request): { key: string; version: number } {
  const version = Number(req.params.version)
  return { key: String(req.params.key), version: Number.isSafeInteger(version) && version > 0 ? version : 0 }
}

async function renderList(services: Services, res: Response, locals: Record<string, unknown> = {}, status = 200) {
  const view = adminStandardsView(await services.standards.listAll())
  await renderPage(res, 'admin/standards', { title: 'Standards', view, ...locals }, status)
}

function uploadStandard(services: Services): RequestHandler {
  return async (req, res) => {
    const file = (req as Request & { file?: { buffer: Buffer } }).file
    try {
      const document = services.standards.parse(file ? file.buffer.toString('utf8') : '')
      const stored = await services.standards.upload(document, signedInUser(req).id)
      req.session.flash = {
        type: 'success',
        heading: `${stored.replaced ? 'Draft replaced' : 'Draft uploaded'}: version ${stored.version}`,
        body: 'Check its points, then publish it when it is ready.',
      }
      res.redirect(paths.admin.standardVersion(stored.key, stored.version))
    } catch (error) {
      if (error instanceof DefinitionInvalidError) {
        const refusal = uploadRefusal(error.errors, 'definitionFile', error.unlisted)
        return renderList(services, res, { ...refusal }, error.unreadable ? 400 : 422)
      }
      if (error instanceof ConflictError) {
        return renderList(
          services,
          res,
          { ...uploadRefusal([{ pointer: '', message: error.message }], 'definitionFile') },
          409,
        )
      }
      throw error
    }
  }
}

function showVersion(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const standard = await services.standards.get(key, version)
    await renderPage(res, 'admin/standard-version', {
      title: `${standard.title} (version ${standard.version})`,
      view: standardVersionView(standard, true),
    })
  }
}

const CHECKS = {
  publish: { title: 'Publish', view: standardPublishCheckView },
  retire: { title: 'Retire', view: standardRetireCheckView },
  delete: { title: 'Delete draft', view: standardDeleteCheckView },
} as const

function confirm(services: Services, which: keyof typeof CHECKS): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const standard = await services.standards.get(key, version)
    await renderPage(res, 'admin/check', {
      title: `${CHECKS[which].title} version ${version}`,
      view: CHECKS[which].view(standard),
    })
  }
}

function deleteDraft(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    await services.standards.deleteDraft(key, version, signedInUser(req).id)
    req.session.flash = { type: 'success', heading: `Draft version ${version} of “${key}” deleted` }
    res.redirect(paths.admin.standards)
  }
}

function change(services: Services, which: 'publish' | 'retire'): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    await services.standards[which](key, version, signedInUser(req).id)
    req.session.flash = {
      type: 'success',
      heading: `Version ${version} ${which === 'publish' ? 'published' : 'retired'}`,
      body:
        which === 'publish'
          ? 'It can no longer change. Authorities can now rate their systems against it.'
          : 'Systems can no longer be rated against it; ratings already given are kept.',
    }
    res.redirect(paths.admin.standardVersion(key, version))
  }
}

/** A file to save: sent as an attachment, so the browser saves it. */
function sendDownload(download: () => Download): RequestHandler {
  return (_req, res) => {
    const file = download()
    res.attachment(file.filename).type(file.contentType).send(file.body)
  }
}

/** Every admin page about standards: uploaded, checked and published like questionnaires. */
export function adminStandardRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.admin.standards, ADMIN, async (_req, res) => renderList(services, res)),
    uploadRoute(paths.admin.standards, ADMIN, STANDARD_UPLOAD, uploadStandard(services)),
    route('get', paths.admin.standardExample, ADMIN, sendDownload(standardExample)),
    route('get', paths.admin.standardSchema, ADMIN, sendDownload(standardSchema)),
    route('get', patterns.admin.standardVersion, ADMIN, showVersion(services)),
    route('get', patterns.admin.standardPublish, ADMIN, confirm(services, 'publish')),
    route('post', patterns.admin.standardPublish, ADMIN, change(services, 'publish')),
    route('get', patterns.admin.standardRetire, ADMIN, confirm(services, 'retire')),
    route('post', patterns.admin.standardRetire, ADMIN, change(services, 'retire')),
    route('get', patterns.admin.standardDelete, ADMIN, confirm(services, 'delete')),
    route('post', patterns.admin.standardDelete, ADMIN, deleteDraft(services)),
  ]
}
