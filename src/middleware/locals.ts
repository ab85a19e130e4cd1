import type { RequestHandler } from 'express'
import { ROLE_LABELS, type Role } from '../domain/roles'
import { paths } from '../paths'
import { csrfToken } from './csrf'
import { headerView } from '../presenters/account/header.presenter'

export interface NavItem {
  href: string
  text: string
  /** Other addresses that belong to the same section, so its tab stays marked there. */
  also?: RegExp
}

const INSIGHT_PAGES = /^\/rounds\/\d+\/(heatmap|clusters|map|trend)/
const CALIBRATION_PAGES = /^\/rounds\/\d+\/calibration/
const PIPELINE_PAGES = /^\/pipeline(\/|$)/
const ESTATE_PAGES = /^\/estate(\/|$)/

const NAVIGATION: Record<Role, NavItem[]> = {
  respondent: [
    { href: paths.home, text: 'Home' },
    { href: paths.assessments, text: 'Assessments' },
    { href: paths.pipeline, text: 'Pipeline', also: PIPELINE_PAGES },
    { href: paths.estate, text: 'Estate', also: ESTATE_PAGES },
  ],
  assessor: [
    { href: paths.home, text: 'Home' },
    { href: paths.moderationQueue, text: 'Moderation' },
    { href: paths.calibrations, text: 'Calibration', also: CALIBRATION_PAGES },
    { href: paths.insights, text: 'Insights', also: INSIGHT_PAGES },
    { href: paths.pipelineOpportunities, text: 'Pipeline', also: PIPELINE_PAGES },
    { href: paths.estate, text: 'Estate', also: ESTATE_PAGES },
    { href: paths.organisations, text: 'Organisations' },
  ],
  analyst: [
    { href: paths.home, text: 'Home' },
    { href: paths.calibrations, text: 'Calibration', also: CALIBRATION_PAGES },
    { href: paths.insights, text: 'Insights', also: INSIGHT_PAGES },
    { href: paths.pipelineOpportunities, text: 'Pipeline', also: PIPELINE_PAGES },
    { href: paths.estate, text: 'Estate', also: ESTATE_PAGES },
    { href: paths.organisations, text: 'Organisations' },
  ],
  admin: [
    { href: paths.home, text: 'Home' },
    { href: paths.organisations, text: 'Organisations' },
    { href: paths.moderationQueue, text: 'Moderation' },
    { href: paths.calibrations, text: 'Calibration', also: CALIBRATION_PAGES },
    { href: paths.insights, text: 'Insights', also: INSIGHT_PAGES },
    { href: paths.pipeline, text: 'Pipeline', also: PIPELINE_PAGES },
    { href: paths.estate, text: 'Estate', also: ESTATE_PAGES },
    { href: paths.admin.rounds, text: 'Rounds' },
    { href: paths.admin.users, text: 'Users' },
    { href: paths.admin.partnerships, text: 'Partnerships' },
    { href: paths.admin.questionnaires, text: 'Questionnaires' },
    { href: paths.admin.standards, text: 'Standards' },
  ],
}

export interface LocalsOptions {
  serviceName: string
  demoMode: boolean
  sessionIdleMinutes: number
  sessionWarningMinutes: number
}

/** What every page needs, error pages included, before anything about the visitor is known. */
export function siteLocals(options: LocalsOptions): RequestHandler {
  return (req, res, next) => {
    res.locals.paths = paths
    res.locals.serviceName = options.serviceName
    res.locals.demoMode = options.demoMode
    res.locals.navigation = []
    res.locals.roleLabels = ROLE_LABELS
    res.locals.currentPath = req.path
    res.locals.header = headerView(undefined, [], req.path)
    next()
  }
}

/** Who is signed in, their CSRF token, the navigation for their role, and a message carried over a redirect. */
export function userLocals(options: LocalsOptions): RequestHandler {
  return (req, res, next) => {
    const flash = req.session.flash
    if (flash) delete req.session.flash
    res.locals.user = req.user
    res.locals.flash = flash
    res.locals.navigation = req.user ? NAVIGATION[req.user.role] : []
    res.locals.header = headerView(req.user, res.locals.navigation as NavItem[], req.path)
    res.locals.session = {
      idleSeconds: options.sessionIdleMinutes * 60,
      warningSeconds: options.sessionWarningMinutes * 60,
    }
    // Signed-out visitors get a token (and so a session) only from the forms that need one.
    if (req.user) res.locals.csrfToken = csrfToken(req)
    next()
  }
}
