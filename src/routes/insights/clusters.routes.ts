import type { Request, Response } from 'express'
import type { FieldError } from '../../domain/errors'
import type { InsightQuery } from '../../domain/insights/query'
import { CENTRAL_ROLES } from '../../domain/roles'
import { signedInUser } from '../../middleware/require-access'
import type { Services } from '../../services'
import { parseBriefSelector } from './brief-selector'
import { formErrors, orInvalid } from '../../presenters/form-errors'
import { paths, patterns } from '../../paths'
import { briefPageView } from '../../presenters/insights/cluster-brief.presenter'
import { clustersPageView } from '../../presenters/insights/clusters-page.presenter'
import { clustersControlsView } from '../../presenters/insights/clusters-controls.presenter'
import { renderPage } from '../../middleware/render-page'
import { route, type RouteDefinition } from '../route-table'
import { positiveId } from '../params'

const roundIdOf = (req: Request): number => positiveId(req.params.id)

const query = (req: Request) => req.query as Record<string, unknown>

/** The controls as typed, so a form sent back with a mistake keeps what the analyst wrote. */
const CONTROLS = ['basis', 'partnership', 'threshold', 'minSize', 'k', 'level', 'parent', 'order'] as const
const FORM_FIELDS = new Set<string>(['basis', 'partnership', 'threshold', 'minSize', 'k'])

/** The parser names parameters, as the API wants; on the page each message starts with what the form calls it. */
const LABELS: Record<string, string> = {
  basis: 'Scores',
  partnership: 'Partnership',
  threshold: 'Weak threshold',
  minSize: 'Fewest organisations',
  k: 'Peer groups',
  level: 'The level',
  parent: 'The address',
}

const labelled = (e: FieldError): FieldError => {
  const label = LABELS[e.field]
  return label && e.message.startsWith(`${e.field} `) ? { ...e, message: label + e.message.slice(e.field.length) } : e
}

function typed(raw: Record<string, unknown>, defaults: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    CONTROLS.map(name => {
      const value = raw[name]
      return [name, typeof value === 'string' ? value : (defaults[name] ?? '')]
    }),
  )
}

/** The clusters page sent back with what was wrong in its controls, keeping what the analyst typed. */
async function renderClustersInvalid(services: Services, req: Request, res: Response, errors: FieldError[]) {
  const id = roundIdOf(req)
  const [round, partnerships] = await Promise.all([services.rounds.get(id), services.partnerships.list()])
  const definition = await services.questionnaires.definitionOf(round.questionnaireKey, round.questionnaireVersion)
  const shown = formErrors(errors.map(labelled))
  // The level and parent come from links, not fields: their messages point at the controls as a whole.
  shown.summary = shown.summary.map(e => (FORM_FIELDS.has(e.href.slice(1)) ? e : { ...e, href: '#controls' }))
  const defaults = { basis: 'final', threshold: String(definition.weakThreshold), minSize: '3', k: '4' }
  await renderPage(
    res,
    'insights/clusters',
    {
      title: 'Clusters of weak performance',
      round,
      view: null,
      errors: shown,
      controls: clustersControlsView(typed(query(req), defaults), partnerships, shown),
      action: paths.clusters(id),
    },
    400,
  )
}

/** The controls as the query was understood, to show them filled in. */
const valuesOf = (q: InsightQuery): Record<string, string> => ({
  basis: q.basis,
  partnership: q.partnershipId === undefined ? '' : String(q.partnershipId),
  threshold: String(q.threshold),
  minSize: String(q.minSize),
  k: String(q.k),
  level: q.level,
  parent: q.parent ?? '',
  order: q.order,
})

async function showClusters(services: Services, req: Request, res: Response) {
  const id = roundIdOf(req)
  const clusters = await orInvalid(
    () => services.insights.clusters(signedInUser(req), id, query(req)),
    errors => renderClustersInvalid(services, req, res, errors),
  )
  if (!clusters) return
  await renderPage(res, 'insights/clusters', {
    title: `Clusters of weak performance: ${clusters.heatmap.round.name}`,
    round: clusters.heatmap.round,
    view: clustersPageView(clusters),
    controls: clustersControlsView(valuesOf(clusters.heatmap.query), clusters.heatmap.partnerships),
    action: paths.clusters(id),
  })
}

async function showBrief(services: Services, req: Request, res: Response) {
  const id = roundIdOf(req)
  const invalid = (errors: FieldError[]) =>
    renderPage(
      res,
      'insights/clusters-invalid',
      { title: 'There is a problem with this brief’s address', problems: errors, clustersHref: paths.clusters(id) },
      400,
    )
  const selector = parseBriefSelector(query(req))
  if (!selector.value) {
    await services.rounds.get(id)
    await invalid(selector.errors)
    return
  }
  const chosen = selector.value
  const brief = await orInvalid(() => services.clusterBriefs.brief(signedInUser(req), id, query(req), chosen), invalid)
  if (!brief) return
  const view = briefPageView(brief)
  await renderPage(res, 'insights/brief', {
    title: `Brief: ${view.heading}`,
    round: brief.clusters.heatmap.round,
    view,
  })
}

export function insightsClusterRoutes(services: Services): RouteDefinition[] {
  return [
    route('get', patterns.clusters, CENTRAL_ROLES, (req, res) => showClusters(services, req, res)),
    route('get', patterns.clusterBrief, CENTRAL_ROLES, (req, res) => showBrief(services, req, res)),
  ]
}
