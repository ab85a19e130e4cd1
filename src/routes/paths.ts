/** Every address the app links to or redirects to, built in one place. */
export const paths = {
  home: '/',
  login: '/login',
  logout: '/logout',
  keepAlive: '/session/keep-alive',
  accessibility: '/accessibility',
  account: '/account',
  accountPassword: '/account/password',
  accountTokens: '/account/tokens',
  accountTokenRevoke: (id: number) => `/account/tokens/${id}/revoke`,
  health: '/healthz',
  /** chart.js's UMD build, which stands alone; its ES module build imports a bare name a browser cannot resolve. */
  chartJs: '/assets/chart.umd.min.js',
  organisations: '/organisations',
  organisation: (slug: string) => `/organisations/${encodeURIComponent(slug)}`,
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  assessments: '/assessments',
  assessment: (id: number) => `/assessments/${id}`,
  assessmentTheme: (id: number, themeKey: string) => `/assessments/${id}/themes/${encodeURIComponent(themeKey)}`,
  assessmentCheck: (id: number) => `/assessments/${id}/check`,
  assessmentSubmit: (id: number) => `/assessments/${id}/submit`,
  assessmentSubmitted: (id: number) => `/assessments/${id}/submitted`,
  assessmentHistory: (id: number) => `/assessments/${id}/history`,
  assessmentCarryOver: (id: number) => `/assessments/${id}/carry-over`,
  assessmentReport: (id: number) => `/assessments/${id}/report`,
  moderationQueue: '/moderation',
  moderation: (id: number) => `/moderation/${id}`,
  moderationOpen: (id: number) => `/moderation/${id}/open`,
  moderationQuestion: (id: number, questionKey: string) =>
    `/moderation/${id}/questions/${encodeURIComponent(questionKey)}`,
  moderationReturn: (id: number) => `/moderation/${id}/return`,
  moderationComplete: (id: number) => `/moderation/${id}/complete`,
  roundExportCsv: (id: number) => `/rounds/${id}/export.csv`,
  roundExportXlsx: (id: number) => `/rounds/${id}/export.xlsx`,
  /** Redirects to a round's calibration: the target of the round picker's GET form. */
  calibrations: '/calibration',
  calibration: (id: number) => `/rounds/${id}/calibration`,
  /** Cross-borough insights; each takes the heatmap's controls as a query string. */
  insights: '/insights',
  heatmap: (id: number, query = '') => `/rounds/${id}/heatmap${query}`,
  heatmapCsv: (id: number, query = '') => `/rounds/${id}/heatmap.csv${query}`,
  clusters: (id: number, query = '') => `/rounds/${id}/clusters${query}`,
  clusterBrief: (id: number, query = '') => `/rounds/${id}/clusters/brief${query}`,
  londonMap: (id: number, query = '') => `/rounds/${id}/map${query}`,
  trend: (id: number, query = '') => `/rounds/${id}/trend${query}`,
  /** An organisation's own pipeline; central roles add `?organisation=slug`, which admins edit on its behalf. */
  pipeline: '/pipeline',
  pipelineNew: '/pipeline/entries/new',
  pipelineEntry: (id: number) => `/pipeline/entries/${id}`,
  pipelineDelete: (id: number) => `/pipeline/entries/${id}/delete`,
  pipelineImport: '/pipeline/import',
  pipelineTemplate: '/pipeline/import/template.csv',
  pipelinePriorities: '/pipeline/priorities',
  /** The central roles' pipeline views; the opportunities take `?windowMonths=` as a query string. */
  pipelineOpportunities: '/pipeline/opportunities',
  pipelineOpportunity: (categoryKey: string, query = '') =>
    `/pipeline/opportunities/${encodeURIComponent(categoryKey)}${query}`,
  pipelineAll: '/pipeline/all',
  pipelineCsv: '/pipeline/all.csv',
  pipelineSimilar: '/pipeline/similar',
  admin: {
    users: '/admin/users',
    newUser: '/admin/users/new',
    user: (id: number) => `/admin/users/${id}`,
    userDisable: (id: number) => `/admin/users/${id}/disable`,
    userEnable: (id: number) => `/admin/users/${id}/enable`,
    userInvitation: (id: number) => `/admin/users/${id}/invitation`,
    /** The check page (GET) and the revocation (POST) of one of a person's tokens. */
    userTokenRevoke: (id: number, tokenId: number) => `/admin/users/${id}/tokens/${tokenId}/revoke`,
    partnerships: '/admin/partnerships',
    newPartnership: '/admin/partnerships/new',
    partnership: (id: number) => `/admin/partnerships/${id}`,
    partnershipDelete: (id: number) => `/admin/partnerships/${id}/delete`,
    rounds: '/admin/rounds',
    newRound: '/admin/rounds/new',
    round: (id: number) => `/admin/rounds/${id}`,
    roundExtend: (id: number) => `/admin/rounds/${id}/extend`,
    roundClose: (id: number) => `/admin/rounds/${id}/close`,
    questionnaires: '/admin/questionnaires',
    questionnaireVersion: (key: string, version: number) =>
      `/admin/questionnaires/${encodeURIComponent(key)}/versions/${version}`,
    questionnairePreview: (key: string, version: number) =>
      `/admin/questionnaires/${encodeURIComponent(key)}/versions/${version}/preview`,
    questionnairePublish: (key: string, version: number) =>
      `/admin/questionnaires/${encodeURIComponent(key)}/versions/${version}/publish`,
    questionnaireRetire: (key: string, version: number) =>
      `/admin/questionnaires/${encodeURIComponent(key)}/versions/${version}/retire`,
    questionnaireCompare: (key: string, from?: number, to?: number) =>
      `/admin/questionnaires/${encodeURIComponent(key)}/compare${from && to ? `?from=${from}&to=${to}` : ''}`,
  },
  api: {
    openapi: '/api/v1/openapi.json',
    organisations: '/api/v1/organisations',
    questionnaires: '/api/v1/questionnaires',
    rounds: '/api/v1/rounds',
    assessments: '/api/v1/assessments',
    assessment: (id: number) => `/api/v1/assessments/${id}`,
    answer: (id: number, questionKey: string) => `/api/v1/assessments/${id}/answers/${encodeURIComponent(questionKey)}`,
    submit: (id: number) => `/api/v1/assessments/${id}/submit`,
    roundCalibration: (id: number) => `/api/v1/rounds/${id}/calibration`,
    heatmap: (id: number) => `/api/v1/rounds/${id}/heatmap`,
    clusters: (id: number) => `/api/v1/rounds/${id}/clusters`,
    trend: (id: number) => `/api/v1/rounds/${id}/trend`,
    pipelineOpportunities: '/api/v1/pipeline/opportunities',
    pipeline: '/api/v1/pipeline',
    pipelineEntry: (id: number) => `/api/v1/pipeline/${id}`,
  },
} as const

/** Only a local path may be a place to return to after signing in; anything else could send people away. */
/** A link to send to people: the service's public address (PUBLIC_URL, no trailing slash) and a path. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl}${path}`
}

export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//')) return paths.home
  if (candidate.includes('\\') || /[\r\n]/.test(candidate)) return paths.home
  return candidate
}
