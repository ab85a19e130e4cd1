import type { Request, RequestHandler, Response } from 'express'
import { ConflictError, NotFoundError } from '../../domain/errors'
import { MAX_DEFINITION_BYTES } from '../../domain/questionnaire/limits'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { DefinitionInvalidError } from '../../services/admin/questionnaire.service'
import { field, formErrors, orInvalid, type FormErrors } from '../../presenters/form-errors'
import { erratumCheckView, erratumFormView } from '../../presenters/admin/errata.presenter'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { questionnaireVersionView, questionnairesView } from '../../presenters/admin/questionnaires.presenter'
import { publishCheckView, retireCheckView } from '../../presenters/admin/check.presenter'
import { questionnaireCompareView } from '../../presenters/admin/questionnaire-compare.presenter'
import { questionnairePreviewView } from '../../presenters/admin/questionnaire-preview.presenter'
import { uploadRefusal } from '../../presenters/admin/questionnaire-upload.presenter'
import type { Download } from '../../services/admin/questionnaires/definition-downloads'
import { route, uploadRoute, type RouteDefinition } from '../route-table'

const ADMIN = ['admin'] as const
const DEFINITION_UPLOAD = {
  field: 'definitionFile',
  maxBytes: MAX_DEFINITION_BYTES,
  tooLarge: 'The file must be 1 MB or smaller',
}

function versionParams(req: Request): { key: string; version: number } {
  const version = Number(req.params.version)
  return { key: String(req.params.key), version: Number.isSafeInteger(version) && version > 0 ? version : 0 }
}

/** The uploaded file if there is one, else the pasted text. */
function uploadedText(req: Request): string {
  const file = (req as Request & { file?: { buffer: Buffer } }).file
  return file ? file.buffer.toString('utf8') : field(req.body, 'definition')
}

async function renderList(services: Services, res: Response, locals: Record<string, unknown> = {}, status = 200) {
  const view = questionnairesView(await services.questionnaires.list())
  await renderPage(res, 'admin/questionnaires', { title: 'Questionnaires', view, pasted: '', ...locals }, status)
}

function listVersions(services: Services): RequestHandler {
  return async (_req, res) => {
    await renderList(services, res)
  }
}

/** A definition that could not be stored: the list page again with its problems, or them as data. */
async function refuseUpload(services: Services, req: Request, res: Response, error: unknown): Promise<void> {
  const pasted = field(req.body, 'definition')
  const source = (req as Request & { file?: unknown }).file ? 'definitionFile' : 'definition'
  if (error instanceof DefinitionInvalidError) {
    const status = error.unreadable ? 400 : 422
    // A client that takes no page is given the same problems as data, in the API's error shape.
    if (!req.accepts('html')) {
      const { errors, unlisted } = error
      res.status(status).json({ error: 'invalid', message: error.message, errors, unlisted })
      return
    }
    return renderList(services, res, { ...uploadRefusal(error.errors, source, error.unlisted), pasted }, status)
  }
  if (error instanceof ConflictError) {
    const refusal = uploadRefusal([{ pointer: '', message: error.message }], source)
    return renderList(services, res, { ...refusal, pasted }, 409)
  }
  throw error
}

function uploadVersion(services: Services): RequestHandler {
  return async (req, res) => {
    const text = uploadedText(req)
    try {
      const document = services.questionnaires.parse(text)
      const stored = await services.questionnaires.upload(document, signedInUser(req).id)
      req.session.flash = {
        type: 'success',
        heading: `${stored.replaced ? 'Draft replaced' : 'Draft uploaded'}: version ${stored.version}`,
        body: 'Preview it, then publish it when it is ready.',
      }
      res.redirect(paths.admin.questionnaireVersion(stored.key, stored.version))
    } catch (error) {
      await refuseUpload(services, req, res, error)
    }
  }
}

/** A file to save, such as the example definition: sent as an attachment, so the browser saves it. */
function sendDownload(download: () => Download): RequestHandler {
  return (_req, res) => {
    const file = download()
    res.attachment(file.filename).type(file.contentType).send(file.body)
  }
}

function showVersion(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const loaded = await services.questionnaires.get(key, version)
    const others = (await services.questionnaires.list()).filter(v => v.key === key && v.version !== version)
    const errata = await services.questionnaires.errata.list(key, version)
    await renderPage(res, 'admin/questionnaire-version', {
      title: `${loaded.title} (version ${loaded.version})`,
      view: questionnaireVersionView(loaded, others, errata),
    })
  }
}

function previewVersion(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const loaded = await services.questionnaires.get(key, version)
    await renderPage(res, 'admin/questionnaire-preview', {
      title: `Preview: ${loaded.title}`,
      view: questionnairePreviewView(loaded),
    })
  }
}

// What publishing or retiring does, and a way back, before anything happens.
function confirmPublish(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const loaded = await services.questionnaires.get(key, version)
    await renderPage(res, 'admin/check', { title: `Publish version ${version}`, view: publishCheckView(loaded) })
  }
}

function confirmRetire(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const loaded = await services.questionnaires.get(key, version)
    await renderPage(res, 'admin/check', { title: `Retire version ${version}`, view: retireCheckView(loaded) })
  }
}

function publishVersion(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    await services.questionnaires.publish(key, version, signedInUser(req).id)
    req.session.flash = {
      type: 'success',
      heading: `Version ${version} published`,
      body: 'It can no longer change. Rounds can now use it.',
    }
    res.redirect(paths.admin.questionnaireVersion(key, version))
  }
}

function retireVersion(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    await services.questionnaires.retire(key, version, signedInUser(req).id)
    req.session.flash = {
      type: 'success',
      heading: `Version ${version} retired`,
      body: 'New rounds cannot use it; its answers are kept.',
    }
    res.redirect(paths.admin.questionnaireVersion(key, version))
  }
}

function compareVersions(services: Services): RequestHandler {
  return async (req, res) => {
    const key = String(req.params.key)
    const from = Number(req.query.from)
    const to = Number(req.query.to)
    const versions = (await services.questionnaires.list()).filter(v => v.key === key)
    if (versions.length === 0) throw new NotFoundError(`There is no questionnaire "${key}"`)
    const valid = (n: number) => versions.some(v => v.version === n)
    if (!valid(from) || !valid(to) || from === to) {
      return renderPage(
        res,
        'admin/questionnaire-compare',
        {
          title: 'Compare versions',
          view: questionnaireCompareView(key, versions, undefined),
          from,
          to,
          errors:
            req.query.from === undefined
              ? undefined
              : {
                  summary: [{ text: `Choose two different versions of ${key}`, href: '#from' }],
                  fields: { from: 'Choose two different versions' },
                },
        },
        req.query.from === undefined ? 200 : 400,
      )
    }
    const comparison = await services.questionnaires.compare(key, from, to)
    await renderPage(res, 'admin/questionnaire-compare', {
      title: 'Compare versions',
      view: questionnaireCompareView(key, versions, comparison),
      from,
      to,
    })
  }
}

const erratumInput = (req: Request) => ({ question: field(req.body, 'question'), reason: field(req.body, 'reason') })

async function renderErratumForm(
  services: Services,
  req: Request,
  res: Response,
  errors?: FormErrors,
  status = 200,
): Promise<void> {
  const { key, version } = versionParams(req)
  const form = await services.questionnaires.errata.form(key, version)
  await renderPage(
    res,
    'admin/questionnaire-erratum',
    {
      title: 'Record that a question is not comparable',
      view: erratumFormView(form, errors ? erratumInput(req) : { question: '', reason: '' }),
      errors,
    },
    status,
  )
}

function newErratum(services: Services): RequestHandler {
  return (req, res) => renderErratumForm(services, req, res)
}

// What was typed, checked, and what recording it means, before anything is stored: an erratum is for good.
function checkErratum(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const checked = await orInvalid(
      () => services.questionnaires.errata.check(key, version, erratumInput(req)),
      errors => renderErratumForm(services, req, res, formErrors(errors), 400),
    )
    if (!checked) return
    await renderPage(res, 'admin/check', { title: 'Record this erratum?', view: erratumCheckView(checked) })
  }
}

function recordErratum(services: Services): RequestHandler {
  return async (req, res) => {
    const { key, version } = versionParams(req)
    const recorded = await orInvalid(
      () => services.questionnaires.errata.record(key, version, erratumInput(req), signedInUser(req).id),
      errors => renderErratumForm(services, req, res, formErrors(errors), 400),
    )
    if (!recorded) return
    req.session.flash = {
      type: 'success',
      heading: 'Erratum recorded',
      body: `“${recorded.prompt}” is no longer compared with the version before.`,
    }
    res.redirect(`${paths.admin.questionnaireVersion(key, version)}#errata`)
  }
}

/** Every admin page about questionnaires, in the order they are matched. */
export function adminQuestionnaireRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.admin.questionnaires, ADMIN, listVersions(services)),
    uploadRoute(paths.admin.questionnaires, ADMIN, DEFINITION_UPLOAD, uploadVersion(services)),
    route(
      'get',
      paths.admin.questionnaireExample,
      ADMIN,
      sendDownload(() => services.questionnaires.example()),
    ),
    route(
      'get',
      paths.admin.questionnaireSchema,
      ADMIN,
      sendDownload(() => services.questionnaires.schema()),
    ),
    route('get', patterns.admin.questionnaireVersion, ADMIN, showVersion(services)),
    route('get', patterns.admin.questionnairePreview, ADMIN, previewVersion(services)),
    route('get', patterns.admin.questionnairePublish, ADMIN, confirmPublish(services)),
    route('post', patterns.admin.questionnairePublish, ADMIN, publishVersion(services)),
    route('get', patterns.admin.questionnaireRetire, ADMIN, confirmRetire(services)),
    route('post', patterns.admin.questionnaireRetire, ADMIN, retireVersion(services)),
    route('get', patterns.admin.questionnaireCompare, ADMIN, compareVersions(services)),
    route('get', patterns.admin.questionnaireErratumNew, ADMIN, newErratum(services)),
    route('post', patterns.admin.questionnaireErratumCheck, ADMIN, checkErratum(services)),
    route('post', patterns.admin.questionnaireErrata, ADMIN, recordErratum(services)),
  ]
}
