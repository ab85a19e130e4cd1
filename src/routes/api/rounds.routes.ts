import { ValidationError, type FieldError } from '../../domain/errors'
import { ALL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import type { RoundSummary } from '../../services/admin/round.service'
import { paths } from '../../paths'
import { route, type RouteDefinition } from '../route-table'

const ADMIN = ['admin'] as const

/** The service names form fields; the API names places in the JSON body it was sent. */
const POINTERS: Record<string, string> = {
  name: '/name',
  questionnaire: '/questionnaire',
  opensOn: '/opensAt',
  closesOn: '/closesAt',
  organisations: '/organisations',
}

const ORDER = Object.values(POINTERS)
const pointerOrder = (pointer: string): number => {
  const i = ORDER.indexOf(pointer)
  return i === -1 ? ORDER.length : i
}

/** The service's date messages are written for the form's day, month and year boxes. */
function apiError(e: FieldError): FieldError {
  const pointer = POINTERS[e.field] ?? `/${e.field}`
  const message = e.message.startsWith('Enter a real') ? 'Enter a real date as YYYY-MM-DD, like 2027-03-01' : e.message
  return { field: pointer, message }
}

export const roundJson = (r: RoundSummary) => ({
  id: r.id,
  name: r.name,
  questionnaire: { key: r.questionnaireKey, version: r.questionnaireVersion },
  opensAt: r.opensOn,
  closesAt: r.closesOn,
  status: r.status,
})

/**
 * GSS codes as the service's slugs. An unknown code is an error of its own; the service is then given
 * no organisations, so it cannot create the round but still reports every other problem.
 */
async function organisationSlugs(services: Services, raw: unknown): Promise<{ slugs?: string[]; error?: FieldError }> {
  if (raw === undefined) return {}
  if (!Array.isArray(raw) || !raw.every(code => typeof code === 'string')) {
    return { slugs: [], error: { field: '/organisations', message: 'Give a list of GSS codes, like ["E09000012"]' } }
  }
  const byGss = new Map((await services.organisations.list()).map(o => [o.gss, o.slug]))
  const unknown = raw.filter(code => !byGss.has(code))
  if (unknown.length > 0) {
    const message = `${unknown.join(', ')} ${unknown.length === 1 ? 'is not the GSS code' : 'are not GSS codes'} of a London authority`
    return { slugs: [], error: { field: '/organisations', message } }
  }
  return { slugs: raw.map(code => byGss.get(code) ?? '') }
}

export function apiRoundRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', paths.api.rounds, ALL_ROLES, async (_req, res) => {
      res.json((await services.rounds.list()).map(roundJson))
    }),

    route('post', paths.api.rounds, ADMIN, async (req, res) => {
      const body: Record<string, unknown> =
        req.body && typeof req.body === 'object' && !Array.isArray(req.body)
          ? (req.body as Record<string, unknown>)
          : {}
      const questionnaire = body.questionnaire
      const organisations = await organisationSlugs(services, body.organisations)
      let id: number
      try {
        id = await services.rounds.create(
          {
            name: body.name,
            questionnaire: questionnaire && typeof questionnaire === 'object' ? questionnaire : {},
            opensOn: body.opensAt,
            closesOn: body.closesAt,
            organisations: organisations.slugs,
          },
          signedInUser(req).id,
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        const errors = error.errors.map(apiError)
        const all = organisations.error
          ? [...errors.filter(e => e.field !== '/organisations'), organisations.error]
          : errors
        // In the order of the body's members, as the API documents them.
        throw new ValidationError(all.sort((a, b) => pointerOrder(a.field) - pointerOrder(b.field)))
      }
      res.status(201).json({ id })
    }),
  ]
}
