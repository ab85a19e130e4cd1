import type { RouteSummary } from '../../support/routes'
import { describeRoute } from '../../support/routes'
import { OTHER, OWN, type Caller, type Pair, type World } from './world'

/**
 * What a path parameter names, when it names something that belongs to one organisation or person:
 * - an organisation's resource (an assessment, its report, a pipeline entry): a respondent of another
 *   organisation gets 404, as if it did not exist;
 * - an organisation itself: its page says "You can only see your own organisation’s pages." (403), since
 *   which 33 authorities exist is no secret;
 * - a person's own token: anyone else's is as good as absent (404), whatever their role.
 */
export type OwnedKind = 'resource' | 'organisation' | 'token'

export type Ownership = 'own' | 'other'

type Value = string | number | Pair | { own: string; other: string }

interface Rule {
  param: string
  /** The paths this reading applies to; without it, every path with the parameter. */
  where?: RegExp
  /** Set when the value is a pair: the caller's own, and someone else's. */
  owned?: OwnedKind
  value: (world: World, caller: Caller) => Value
}

/**
 * How to fill each path parameter with something real. The same name can mean different things on
 * different paths (`:id` is an assessment, a round, an entry…), so each reading says where it applies.
 */
const RULES: readonly Rule[] = [
  {
    param: 'id',
    where: /^\/(api\/v1\/)?assessments\/:id|^\/moderation\/:id/,
    owned: 'resource',
    value: w => w.assessments,
  },
  {
    param: 'id',
    where: /^\/pipeline\/entries\/:id|^\/api\/v1\/pipeline\/:id/,
    owned: 'resource',
    value: w => w.pipelineEntries,
  },
  {
    param: 'id',
    where: /^\/estate\/entries\/:id|^\/api\/v1\/estate\/:id/,
    owned: 'resource',
    value: w => w.estateEntries,
  },
  // Central roles' view of one authority's register: no respondent reaches it at all.
  { param: 'slug', where: /^\/estate\/organisations\/:slug/, value: () => OTHER },
  {
    param: 'id',
    where: /^\/account\/tokens\/:id/,
    owned: 'token',
    value: (w, caller) => ({
      own: caller === 'signed-out' ? w.tokens.respondent : w.tokens[caller],
      other: w.tokens.other,
    }),
  },
  // One of the victim's tokens, and the victim: admins see and revoke anyone's tokens, no one else any.
  { param: 'tokenId', where: /^\/admin\/users\/:id\/tokens\/:tokenId/, value: w => w.tokens.victim },
  { param: 'id', where: /^\/admin\/users\/:id/, value: w => w.victim.id },
  { param: 'id', where: /^\/admin\/partnerships\/:id/, value: w => w.partnership },
  // Admins close and extend a round of their own, so the round everyone else uses stays open.
  { param: 'id', where: /^\/admin\/rounds\/:id/, value: w => w.spareRound },
  { param: 'id', where: /^\/(api\/v1\/)?rounds\/:id/, value: w => w.round },
  {
    param: 'slug',
    where: /^\/organisations\/:slug/,
    owned: 'organisation',
    value: () => ({ own: OWN, other: OTHER }),
  },
  { param: 'token', where: /^\/invitations\/:token/, value: w => w.invitation },
  { param: 'themeKey', value: w => w.themeKey },
  { param: 'questionKey', value: w => w.questionKey },
  { param: 'key', where: /^\/api\/v1\/questionnaires\//, value: w => w.published.key },
  { param: 'version', where: /^\/api\/v1\/questionnaires\//, value: w => w.published.version },
  { param: 'key', where: /^\/admin\/questionnaires\//, value: w => w.draft.key },
  { param: 'version', where: /^\/admin\/questionnaires\//, value: w => w.draft.version },
  { param: 'standardKey', where: /^\/estate\/entries\/:id\/ratings\//, value: () => 'lgdss' },
  { param: 'version', where: /^\/estate\/entries\/:id\/ratings\//, value: () => 1 },
  { param: 'key', where: /^\/estate\/standards\//, value: () => 'lgdss' },
  { param: 'version', where: /^\/estate\/standards\//, value: () => 1 },
  { param: 'key', where: /^\/admin\/standards\//, value: w => w.draftStandard.key },
  { param: 'version', where: /^\/admin\/standards\//, value: w => w.draftStandard.version },
  { param: 'categoryKey', where: /^\/pipeline\/opportunities\//, value: w => w.categoryKey },
  // London's catalogue is shared: a product belongs to no one organisation.
  { param: 'id', where: /^\/estate\/products\/:id|^\/api\/v1\/products\/:id/, value: w => w.product },
]

export const parametersOf = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map(m => m[1] ?? '')

const ruleFor = (route: RouteSummary, param: string): Rule | undefined =>
  RULES.find(r => r.param === param && (!r.where || r.where.test(route.path)))

/** The parameters of a route this suite does not know how to fill: each must be taught, or the suite fails. */
export function unknownParameters(route: RouteSummary): string[] {
  return parametersOf(route.path).filter(p => !ruleFor(route, p))
}

export const teachMe = (route: RouteSummary, params: string[]): string =>
  `${describeRoute(route)}: the security suite does not know how to fill ${params.map(p => `:${p}`).join(', ')}. ` +
  'Teach it: add a rule to RULES in test/security/support/parameters.ts (and what it needs to World in world.ts), ' +
  'saying whether it names an organisation’s resource, so the authorisation matrix checks own and other.'

/** What the route's path names that belongs to someone, if anything: the matrix then tries own and other. */
export function ownedBy(route: RouteSummary): OwnedKind | undefined {
  return parametersOf(route.path)
    .map(p => ruleFor(route, p)?.owned)
    .find(kind => kind !== undefined)
}

/** The route's path with every parameter filled, for the caller, with their own thing or someone else's. */
export function fillPath(route: RouteSummary, world: World, caller: Caller, ownership: Ownership = 'own'): string {
  const unknown = unknownParameters(route)
  if (unknown.length > 0) throw new Error(teachMe(route, unknown))
  return route.path.replace(/:(\w+)/g, (_match, param: string) => {
    const value = ruleFor(route, param)?.value(world, caller) ?? ''
    return encodeURIComponent(String(typeof value === 'object' ? value[ownership] : value))
  })
}
