import type { Request, RequestHandler, Response } from 'express'
import { dateFromParts } from '../../domain/assessment/round'
import { ValidationError, type FieldError } from '../../domain/errors'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { RoundForm } from '../../services/admin/round.service'
import { field, formErrors, type FormErrors } from '../../presenters/form-errors'
import { longDate } from '../../domain/format/dates'
import { roundView } from '../../presenters/admin/round.presenter'
import { roundCancelCheckView, roundCloseCheckView } from '../../presenters/admin/check.presenter'
import { roundFormView } from '../../presenters/admin/round-form.presenter'
import { roundsView } from '../../presenters/admin/rounds.presenter'
import { paths, patterns } from '../../paths'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'
import { plural } from '../../domain/format/plurals'

const ADMIN = ['admin'] as const
const DATE_FIELDS = ['opensOn', 'closesOn']

interface DateParts {
  day: string
  month: string
  year: string
}

const NO_DATE: DateParts = { day: '', month: '', year: '' }

const dateParts = (body: unknown, name: string): DateParts => ({
  day: field(body, `${name}-day`).trim(),
  month: field(body, `${name}-month`).trim(),
  year: field(body, `${name}-year`).trim(),
})

const isoDate = (parts: DateParts): string | undefined => dateFromParts(parts.day, parts.month, parts.year)

/** A field that may be sent once, many times or not at all, as a list of strings. */
function many(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  return ([] as unknown[]).concat(value ?? []).filter((v): v is string => typeof v === 'string')
}

/** 'london-digital-maturity@2' as a key and a version. */
function questionnaireChoice(value: string): RoundForm['questionnaire'] {
  const at = value.lastIndexOf('@')
  return at > 0 ? { key: value.slice(0, at), version: value.slice(at + 1) } : {}
}

/** The form's fields top to bottom: the error summary lists problems in the same order. */
const FIELD_ORDER = ['name', 'questionnaire', 'opensOn', 'closesOn', 'organisations']
const position = (e: FieldError): number => {
  const i = FIELD_ORDER.indexOf(e.field)
  return i === -1 ? FIELD_ORDER.length : i
}

/** As formErrors, in the form's order, and a date's summary link goes to its day field, the first of its three. */
function errorsFor(errors: readonly FieldError[]): FormErrors {
  const result = formErrors([...errors].sort((a, b) => position(a) - position(b)))
  result.summary = result.summary.map(e =>
    DATE_FIELDS.includes(e.href.slice(1)) ? { ...e, href: `${e.href}-day` } : e,
  )
  return result
}

const takingPart = (n: number): string => plural(n, 'organisation takes part', 'organisations take part')

const roundId = (req: Request): number => positiveId(req.params.id)

async function renderForm(
  services: Services,
  res: Response,
  locals: { values: unknown; errors?: FormErrors },
  status = 200,
) {
  const [versions, organisations] = await Promise.all([services.questionnaires.list(), services.organisations.list()])
  const published = versions.filter(v => v.status === 'published')
  const view = roundFormView(published, organisations, Boolean(locals.errors?.fields.questionnaire))
  await renderPage(res, 'admin/round-form', { title: 'Create a round', view, ...locals }, status)
}

async function renderRound(
  services: Services,
  req: Request,
  res: Response,
  id: number,
  locals: Record<string, unknown>,
  status = 200,
) {
  const round = await services.rounds.get(id)
  const assessments = (await services.assessments.list(signedInUser(req), round.id)).sort((a, b) =>
    a.organisation.name.localeCompare(b.organisation.name, 'en-GB'),
  )
  await renderPage(
    res,
    'admin/round',
    {
      title: round.name,
      view: roundView(round, assessments),
      values: { closesOn: NO_DATE },
      ...locals,
    },
    status,
  )
}

function listRounds(services: Services): RequestHandler {
  return async (req, res) => {
    const rounds = await services.rounds.list()
    const taking = new Map<number, number>()
    for (const { round } of await services.assessments.list(signedInUser(req))) {
      taking.set(round.id, (taking.get(round.id) ?? 0) + 1)
    }
    await renderPage(res, 'admin/rounds', { title: 'Rounds', view: roundsView(rounds, taking) })
  }
}

function showNewForm(services: Services): RequestHandler {
  return async (_req, res) => {
    const organisations = (await services.organisations.list()).map(o => o.slug)
    await renderForm(services, res, {
      values: { name: '', questionnaire: '', opensOn: NO_DATE, closesOn: NO_DATE, organisations },
    })
  }
}

function createRound(services: Services): RequestHandler {
  return async (req, res) => {
    const values = {
      name: field(req.body, 'name'),
      questionnaire: field(req.body, 'questionnaire'),
      opensOn: dateParts(req.body, 'opensOn'),
      closesOn: dateParts(req.body, 'closesOn'),
      // None ticked is sent as nothing at all, which the service would read as everyone: say none.
      organisations: many(req.body, 'organisations'),
    }
    let id: number
    try {
      id = await services.rounds.create(
        {
          name: values.name,
          questionnaire: questionnaireChoice(values.questionnaire),
          opensOn: isoDate(values.opensOn),
          closesOn: isoDate(values.closesOn),
          organisations: values.organisations,
        },
        signedInUser(req).id,
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return renderForm(services, res, { values, errors: errorsFor(error.errors) }, 400)
    }
    const round = await services.rounds.get(id)
    req.session.flash = {
      type: 'success',
      heading: `Round created: ${round.name}`,
      body: `${takingPart(values.organisations.length)}. It opens on ${longDate(round.opensOn)} and closes at the end of ${longDate(round.closesOn)}.`,
    }
    res.redirect(paths.admin.round(id))
  }
}

function showRound(services: Services): RequestHandler {
  return async (req, res) => {
    await renderRound(services, req, res, roundId(req), {})
  }
}

function extendRound(services: Services): RequestHandler {
  return async (req, res) => {
    const id = roundId(req)
    const closesOn = dateParts(req.body, 'closesOn')
    try {
      await services.rounds.extend(id, isoDate(closesOn), signedInUser(req).id)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return renderRound(services, req, res, id, { values: { closesOn }, errors: errorsFor(error.errors) }, 400)
    }
    const round = await services.rounds.get(id)
    req.session.flash = {
      type: 'success',
      heading: 'Closing date extended',
      body: `The round now closes at the end of ${longDate(round.closesOn)}.`,
    }
    res.redirect(paths.admin.round(id))
  }
}

// What closing does, and a way back, before anything happens.
function confirmClose(services: Services): RequestHandler {
  return async (req, res) => {
    const round = await services.rounds.get(roundId(req))
    await renderPage(res, 'admin/check', { title: `Close ${round.name}`, view: roundCloseCheckView(round) })
  }
}

function confirmCancel(services: Services): RequestHandler {
  return async (req, res) => {
    const round = await services.rounds.get(roundId(req))
    await renderPage(res, 'admin/check', { title: `Cancel ${round.name}`, view: roundCancelCheckView(round) })
  }
}

function cancelRound(services: Services): RequestHandler {
  return async (req, res) => {
    const id = roundId(req)
    await services.rounds.cancel(id, signedInUser(req).id)
    req.session.flash = {
      type: 'success',
      heading: 'Round cancelled',
      body: 'It will not open, and no one can answer it.',
    }
    res.redirect(paths.admin.round(id))
  }
}

function closeRound(services: Services): RequestHandler {
  return async (req, res) => {
    const id = roundId(req)
    await services.rounds.close(id, signedInUser(req).id)
    req.session.flash = {
      type: 'success',
      heading: 'Round closed',
      body: 'Respondents can still read their answers, but can no longer change them.',
    }
    res.redirect(paths.admin.round(id))
  }
}

/** Every admin page about rounds, in the order they are matched. */
export function adminRoundRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.admin.rounds, ADMIN, listRounds(services)),
    route('get', paths.admin.newRound, ADMIN, showNewForm(services)),
    route('post', paths.admin.newRound, ADMIN, createRound(services)),
    route('get', patterns.admin.round, ADMIN, showRound(services)),
    route('post', patterns.admin.roundExtend, ADMIN, extendRound(services)),
    route('get', patterns.admin.roundClose, ADMIN, confirmClose(services)),
    route('post', patterns.admin.roundClose, ADMIN, closeRound(services)),
    route('get', patterns.admin.roundCancel, ADMIN, confirmCancel(services)),
    route('post', patterns.admin.roundCancel, ADMIN, cancelRound(services)),
  ]
}
