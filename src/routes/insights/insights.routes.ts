import type { Request } from 'express'
import { NotFoundError, ValidationError } from '../../domain/errors'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import { HttpError } from '../../middleware/http-error'
import type { Services } from '../../services'
import { toCsv } from '../../services/reports/export-formats'
import { controlErrors, heatmapForPage } from './heatmap-page'
import { paths, patterns } from '../../paths'
import { heatmapPageView } from '../../presenters/insights/heatmap-page.presenter'
import { heatmapTable } from '../../presenters/insights/heatmap.presenter'
import { roundNoteView } from '../../presenters/insights/round-note.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const query = (req: Request) => req.query as Record<string, unknown>

/** The controls as the heatmap's own query string: the round goes into the path, empty choices are left out. */
function forwarded(raw: Record<string, unknown>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(raw)) {
    if (name !== 'round' && typeof value === 'string' && value.trim() !== '') params.set(name, value.trim())
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export function insightsRoutes(services: Services): RouteDefinition[] {
  return [
    // The controls are a GET form, which cannot put the round in the path: this turns its choice into one.
    route('get', paths.insights, CENTRAL_ROLES, async (req, res) => {
      const { rounds, chosen } = await services.insightRounds.choose()
      const asked = req.query.round
      // Unasked, Insights opens where the evidence is: see defaultInsightsRound.
      const round = asked === undefined ? chosen?.round : rounds.find(r => r.round.id === positiveId(asked))?.round
      if (asked !== undefined && !round) throw new NotFoundError('There is no such round')
      if (!round) {
        await renderPage(res, 'insights/no-rounds', { title: 'Insights' })
        return
      }
      res.redirect(paths.heatmap(round.id, forwarded(query(req))))
    }),

    route('get', patterns.heatmap, CENTRAL_ROLES, async (req, res) => {
      const user = signedInUser(req)
      const [page, choice] = await Promise.all([
        heatmapForPage(services.insights, user, positiveId(req.params.id), query(req)),
        services.insightRounds.choose(),
      ])
      const { heatmap } = page
      const errors = controlErrors(page.problems)
      // Other rounds' progress changes without this round's data changing: the note is part of the key.
      const note = roundNoteView(heatmap.round, choice, services.clock())
      const bodyLocals = () => ({
        view: heatmapPageView(heatmap, heatmap.rounds, query(req), errors),
        note,
      })
      const title = `Heatmap: ${heatmap.scope.parent?.title ?? 'All dimensions'}, ${heatmap.round.name}`
      if (page.problems.length > 0) {
        await renderPage(res, 'insights/heatmap', { title, errors, ...bodyLocals() }, page.status)
        return
      }
      // Analysts open the same views again and again: while the round's data stands, a view's body is
      // rendered once. It is the same for every central user; the layout around it is theirs.
      await renderPage(res, 'insights/heatmap', { title, errors }, page.status, {
        keep: heatmap.keptBody,
        key: `heatmap-page:${JSON.stringify(heatmap.query)}:${JSON.stringify(note)}`,
        bodyLocals,
      })
    }),

    route('get', patterns.heatmapCsv, CENTRAL_ROLES, async (req, res) => {
      try {
        const heatmap = await services.insights.heatmap(signedInUser(req), positiveId(req.params.id), query(req))
        const { headers, rows } = heatmapTable(heatmap)
        const where = heatmap.scope.parent ? `-${slug(heatmap.scope.parent.title)}` : ''
        res
          .attachment(`heatmap-${slug(heatmap.round.name)}-${heatmap.scope.level}${where}.csv`)
          .type('text/csv; charset=utf-8')
          .set('Cache-Control', 'no-store')
          .send(toCsv({ headers, rows }))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        throw new HttpError(400, 'bad_request', error.errors.map(e => e.message).join('; '))
      }
    }),
  ]
}
