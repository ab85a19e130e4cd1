/**
 * Every route's pattern, in Express's syntax: the route table declares routes from these, and the link
 * builders in `paths` fill the same patterns, so an address is written once. A path with no parameters
 * is its own pattern and lives in `paths`.
 */
export const patterns = {
  accountTokenRevoke: '/account/tokens/:id/revoke',
  organisation: '/organisations/:slug',
  invitation: '/invitations/:token',
  assessment: '/assessments/:id',
  assessmentTheme: '/assessments/:id/themes/:themeKey',
  assessmentCheck: '/assessments/:id/check',
  assessmentSubmit: '/assessments/:id/submit',
  assessmentSubmitted: '/assessments/:id/submitted',
  assessmentHistory: '/assessments/:id/history',
  assessmentCarryOver: '/assessments/:id/carry-over',
  assessmentCarryOverDecline: '/assessments/:id/carry-over/decline',
  assessmentReport: '/assessments/:id/report',
  moderation: '/moderation/:id',
  moderationOpen: '/moderation/:id/open',
  moderationSection: '/moderation/:id/sections/:themeKey',
  moderationReturn: '/moderation/:id/return',
  moderationComplete: '/moderation/:id/complete',
  roundExportCsv: '/rounds/:id/export.csv',
  roundExportXlsx: '/rounds/:id/export.xlsx',
  calibration: '/rounds/:id/calibration',
  heatmap: '/rounds/:id/heatmap',
  heatmapCsv: '/rounds/:id/heatmap.csv',
  clusters: '/rounds/:id/clusters',
  clusterBrief: '/rounds/:id/clusters/brief',
  londonMap: '/rounds/:id/map',
  trend: '/rounds/:id/trend',
  capabilityGaps: '/rounds/:id/capability-gaps',
  investment: '/rounds/:id/investment',
  pipelineEntry: '/pipeline/entries/:id',
  pipelineDelete: '/pipeline/entries/:id/delete',
  pipelineOpportunity: '/pipeline/opportunities/:categoryKey',
  estateOrganisation: '/estate/organisations/:slug',
  estateNew: '/estate/entries/new',
  estateEntry: '/estate/entries/:id',
  estateDelete: '/estate/entries/:id/delete',
  estateRatings: '/estate/entries/:id/ratings/:standardKey/:version',
  estateConcentration: '/estate/concentration',
  estateMap: '/estate/map',
  product: '/estate/products/:id',
  productEdit: '/estate/products/:id/edit',
  productMerge: '/estate/products/:id/merge',
  productApprove: '/estate/products/:id/approve',
  productBrief: '/estate/products/:id/brief',
  standard: '/estate/standards/:key/versions/:version',
  admin: {
    user: '/admin/users/:id',
    userDisable: '/admin/users/:id/disable',
    userEnable: '/admin/users/:id/enable',
    userInvitation: '/admin/users/:id/invitation',
    userTokenRevoke: '/admin/users/:id/tokens/:tokenId/revoke',
    partnership: '/admin/partnerships/:id',
    partnershipDelete: '/admin/partnerships/:id/delete',
    round: '/admin/rounds/:id',
    roundExtend: '/admin/rounds/:id/extend',
    roundClose: '/admin/rounds/:id/close',
    roundCancel: '/admin/rounds/:id/cancel',
    questionnaireVersion: '/admin/questionnaires/:key/versions/:version',
    questionnairePreview: '/admin/questionnaires/:key/versions/:version/preview',
    questionnairePublish: '/admin/questionnaires/:key/versions/:version/publish',
    questionnaireRetire: '/admin/questionnaires/:key/versions/:version/retire',
    questionnaireCompare: '/admin/questionnaires/:key/compare',
    questionnaireErratumNew: '/admin/questionnaires/:key/versions/:version/errata/new',
    questionnaireErratumCheck: '/admin/questionnaires/:key/versions/:version/errata/check',
    questionnaireErrata: '/admin/questionnaires/:key/versions/:version/errata',
    standardVersion: '/admin/standards/:key/versions/:version',
    standardPublish: '/admin/standards/:key/versions/:version/publish',
    standardRetire: '/admin/standards/:key/versions/:version/retire',
    standardDelete: '/admin/standards/:key/versions/:version/delete',
  },
  api: {
    questionnaireVersion: '/api/v1/questionnaires/:key/versions/:version',
    questionnaireErrata: '/api/v1/questionnaires/:key/versions/:version/errata',
    assessment: '/api/v1/assessments/:id',
    assessmentScores: '/api/v1/assessments/:id/scores',
    answer: '/api/v1/assessments/:id/answers/:questionKey',
    submit: '/api/v1/assessments/:id/submit',
    returnAssessment: '/api/v1/assessments/:id/return',
    openModeration: '/api/v1/assessments/:id/open-moderation',
    moderation: '/api/v1/assessments/:id/moderation/:questionKey',
    completeModeration: '/api/v1/assessments/:id/complete',
    roundCalibration: '/api/v1/rounds/:id/calibration',
    heatmap: '/api/v1/rounds/:id/heatmap',
    clusters: '/api/v1/rounds/:id/clusters',
    trend: '/api/v1/rounds/:id/trend',
    capabilityGaps: '/api/v1/rounds/:id/capability-gaps',
    investment: '/api/v1/rounds/:id/investment',
    pipelineEntry: '/api/v1/pipeline/:id',
    product: '/api/v1/products/:id',
    productMerge: '/api/v1/products/:id/merge',
    productScorecard: '/api/v1/products/:id/scorecard',
    estateEntry: '/api/v1/estate/:id',
    estateRatings: '/api/v1/estate/:id/ratings',
  },
} as const

/** A pattern with its parameters filled in order, each encoded as one path segment. */
export function fill(pattern: string, ...values: readonly (string | number)[]): string {
  let next = 0
  const filled = pattern.replace(/:\w+/g, () => encodeURIComponent(String(values[next++])))
  if (next !== values.length) throw new Error(`${pattern} takes ${next} values, not ${values.length}`)
  return filled
}

/** Every address the app links to or redirects to, built from the patterns above. */
export const paths = {
  home: '/',
  login: '/login',
  logout: '/logout',
  keepAlive: '/session/keep-alive',
  accessibility: '/accessibility',
  account: '/account',
  accountPassword: '/account/password',
  accountTokens: '/account/tokens',
  accountTokenRevoke: (id: number) => fill(patterns.accountTokenRevoke, id),
  health: '/healthz',
  /** chart.js's UMD build, which stands alone; its ES module build imports a bare name a browser cannot resolve. */
  chartJs: '/assets/chart.umd.min.js',
  organisations: '/organisations',
  organisation: (slug: string) => fill(patterns.organisation, slug),
  invitation: (token: string) => fill(patterns.invitation, token),
  assessments: '/assessments',
  assessment: (id: number) => fill(patterns.assessment, id),
  assessmentTheme: (id: number, themeKey: string) => fill(patterns.assessmentTheme, id, themeKey),
  assessmentCheck: (id: number) => fill(patterns.assessmentCheck, id),
  assessmentSubmit: (id: number) => fill(patterns.assessmentSubmit, id),
  assessmentSubmitted: (id: number) => fill(patterns.assessmentSubmitted, id),
  assessmentHistory: (id: number) => fill(patterns.assessmentHistory, id),
  assessmentCarryOver: (id: number) => fill(patterns.assessmentCarryOver, id),
  assessmentCarryOverDecline: (id: number) => fill(patterns.assessmentCarryOverDecline, id),
  assessmentReport: (id: number) => fill(patterns.assessmentReport, id),
  moderationQueue: '/moderation',
  moderation: (id: number) => fill(patterns.moderation, id),
  moderationOpen: (id: number) => fill(patterns.moderationOpen, id),
  moderationSection: (id: number, themeKey: string) => fill(patterns.moderationSection, id, themeKey),
  moderationReturn: (id: number) => fill(patterns.moderationReturn, id),
  moderationComplete: (id: number) => fill(patterns.moderationComplete, id),
  roundExportCsv: (id: number) => fill(patterns.roundExportCsv, id),
  roundExportXlsx: (id: number) => fill(patterns.roundExportXlsx, id),
  /** Redirects to a round's calibration: the target of the round picker's GET form. */
  calibrations: '/calibration',
  calibration: (id: number) => fill(patterns.calibration, id),
  /** Cross-borough insights; each takes the heatmap's controls as a query string. */
  insights: '/insights',
  heatmap: (id: number, query = '') => fill(patterns.heatmap, id) + query,
  heatmapCsv: (id: number, query = '') => fill(patterns.heatmapCsv, id) + query,
  clusters: (id: number, query = '') => fill(patterns.clusters, id) + query,
  clusterBrief: (id: number, query = '') => fill(patterns.clusterBrief, id) + query,
  londonMap: (id: number, query = '') => fill(patterns.londonMap, id) + query,
  trend: (id: number, query = '') => fill(patterns.trend, id) + query,
  capabilityGaps: (id: number) => fill(patterns.capabilityGaps, id),
  investment: (id: number) => fill(patterns.investment, id),
  /** An organisation's own pipeline; central roles add `?organisation=slug`, which admins edit on its behalf. */
  pipeline: '/pipeline',
  pipelineNew: '/pipeline/entries/new',
  pipelineEntry: (id: number) => fill(patterns.pipelineEntry, id),
  pipelineDelete: (id: number) => fill(patterns.pipelineDelete, id),
  pipelineImport: '/pipeline/import',
  pipelineTemplate: '/pipeline/import/template.csv',
  pipelinePriorities: '/pipeline/priorities',
  /** The central roles' pipeline views; the opportunities take `?windowMonths=` as a query string. */
  pipelineOpportunities: '/pipeline/opportunities',
  pipelineOpportunity: (categoryKey: string, query = '') => fill(patterns.pipelineOpportunity, categoryKey) + query,
  pipelineAll: '/pipeline/all',
  pipelineCsv: '/pipeline/all.csv',
  pipelineSimilar: '/pipeline/similar',
  /** What an authority runs: a respondent's own register; central roles choose an authority or a view of London. */
  estate: '/estate',
  estateOrganisation: (slug: string) => fill(patterns.estateOrganisation, slug),
  /** Central roles add `?organisation=slug`, which admins use to add a system on an authority's behalf. */
  estateNew: (query = '') => patterns.estateNew + query,
  estateEntry: (id: number) => fill(patterns.estateEntry, id),
  estateDelete: (id: number) => fill(patterns.estateDelete, id),
  estateRatings: (id: number, standardKey: string, version: number) =>
    fill(patterns.estateRatings, id, standardKey, version),
  estateImport: '/estate/import',
  estateTemplate: '/estate/import/template.csv',
  /** London's views of the estate; each takes `?category=` (and the concentration `&windowMonths=`). */
  estateConcentration: (query = '') => patterns.estateConcentration + query,
  estateMap: (query = '') => patterns.estateMap + query,
  products: '/estate/products',
  productNew: '/estate/products/new',
  /** The product's scorecard; takes `?standard=KEY&version=N`. */
  product: (id: number, query = '') => fill(patterns.product, id) + query,
  productEdit: (id: number) => fill(patterns.productEdit, id),
  /** The check page (GET) and the merging (POST) of one product into another. */
  productMerge: (id: number) => fill(patterns.productMerge, id),
  /** Approving a proposed product (POST), from the catalogue or the product's edit page. */
  productApprove: (id: number) => fill(patterns.productApprove, id),
  productBrief: (id: number, query = '') => fill(patterns.productBrief, id) + query,
  standards: '/estate/standards',
  standard: (key: string, version: number) => fill(patterns.standard, key, version),
  admin: {
    users: '/admin/users',
    newUser: '/admin/users/new',
    user: (id: number) => fill(patterns.admin.user, id),
    userDisable: (id: number) => fill(patterns.admin.userDisable, id),
    userEnable: (id: number) => fill(patterns.admin.userEnable, id),
    userInvitation: (id: number) => fill(patterns.admin.userInvitation, id),
    /** The check page (GET) and the revocation (POST) of one of a person's tokens. */
    userTokenRevoke: (id: number, tokenId: number) => fill(patterns.admin.userTokenRevoke, id, tokenId),
    partnerships: '/admin/partnerships',
    newPartnership: '/admin/partnerships/new',
    partnership: (id: number) => fill(patterns.admin.partnership, id),
    partnershipDelete: (id: number) => fill(patterns.admin.partnershipDelete, id),
    rounds: '/admin/rounds',
    newRound: '/admin/rounds/new',
    round: (id: number) => fill(patterns.admin.round, id),
    roundExtend: (id: number) => fill(patterns.admin.roundExtend, id),
    /** The check page (GET) and the closing (POST) of a round. */
    roundClose: (id: number) => fill(patterns.admin.roundClose, id),
    /** The check page (GET) and the cancelling (POST) of a round that has not opened. */
    roundCancel: (id: number) => fill(patterns.admin.roundCancel, id),
    questionnaires: '/admin/questionnaires',
    /** Downloads beside the upload form: a small valid definition, and the JSON Schema uploads are checked against. */
    questionnaireExample: '/admin/questionnaires/example.json',
    questionnaireSchema: '/admin/questionnaires/schema.json',
    questionnaireVersion: (key: string, version: number) => fill(patterns.admin.questionnaireVersion, key, version),
    questionnairePreview: (key: string, version: number) => fill(patterns.admin.questionnairePreview, key, version),
    /** The check page (GET) and the publishing (POST) of a draft; retiring and disabling work the same way. */
    questionnairePublish: (key: string, version: number) => fill(patterns.admin.questionnairePublish, key, version),
    questionnaireRetire: (key: string, version: number) => fill(patterns.admin.questionnaireRetire, key, version),
    questionnaireCompare: (key: string, from?: number, to?: number) =>
      fill(patterns.admin.questionnaireCompare, key) + (from && to ? `?from=${from}&to=${to}` : ''),
    /** The erratum form (GET), its check page (POST to check) and the recording (POST to errata). */
    questionnaireErratumNew: (key: string, version: number) =>
      fill(patterns.admin.questionnaireErratumNew, key, version),
    questionnaireErratumCheck: (key: string, version: number) =>
      fill(patterns.admin.questionnaireErratumCheck, key, version),
    questionnaireErrata: (key: string, version: number) => fill(patterns.admin.questionnaireErrata, key, version),
    /** Standards are uploaded, checked and published like questionnaires. */
    standards: '/admin/standards',
    /** Downloads beside the upload form: a shipped standard to start from, and the JSON Schema uploads meet. */
    standardExample: '/admin/standards/example.json',
    standardSchema: '/admin/standards/schema.json',
    standardVersion: (key: string, version: number) => fill(patterns.admin.standardVersion, key, version),
    standardPublish: (key: string, version: number) => fill(patterns.admin.standardPublish, key, version),
    standardRetire: (key: string, version: number) => fill(patterns.admin.standardRetire, key, version),
    /** The check page (GET) and the deleting (POST) of a draft: only a draft, never a published version. */
    standardDelete: (key: string, version: number) => fill(patterns.admin.standardDelete, key, version),
  },
  api: {
    openapi: '/api/v1/openapi.json',
    organisations: '/api/v1/organisations',
    questionnaires: '/api/v1/questionnaires',
    rounds: '/api/v1/rounds',
    assessments: '/api/v1/assessments',
    assessment: (id: number) => fill(patterns.api.assessment, id),
    answer: (id: number, questionKey: string) => fill(patterns.api.answer, id, questionKey),
    submit: (id: number) => fill(patterns.api.submit, id),
    roundCalibration: (id: number) => fill(patterns.api.roundCalibration, id),
    heatmap: (id: number) => fill(patterns.api.heatmap, id),
    clusters: (id: number) => fill(patterns.api.clusters, id),
    trend: (id: number) => fill(patterns.api.trend, id),
    capabilityGaps: (id: number) => fill(patterns.api.capabilityGaps, id),
    investment: (id: number) => fill(patterns.api.investment, id),
    pipelineOpportunities: '/api/v1/pipeline/opportunities',
    pipeline: '/api/v1/pipeline',
    pipelineEntry: (id: number) => fill(patterns.api.pipelineEntry, id),
    standards: '/api/v1/standards',
    products: '/api/v1/products',
    product: (id: number) => fill(patterns.api.product, id),
    productMerge: (id: number) => fill(patterns.api.productMerge, id),
    productScorecard: (id: number) => fill(patterns.api.productScorecard, id),
    estate: '/api/v1/estate',
    estateEntry: (id: number) => fill(patterns.api.estateEntry, id),
    estateRatings: (id: number) => fill(patterns.api.estateRatings, id),
    estateConcentration: '/api/v1/estate/concentration',
  },
} as const

/** A link to send to people: the service's public address (PUBLIC_URL, no trailing slash) and a path. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl}${path}`
}

/** Only a local path may be a place to return to after signing in; anything else could send people away. */
export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//')) return paths.home
  if (candidate.includes('\\') || /[\r\n]/.test(candidate)) return paths.home
  return candidate
}
