/** Every address the app links to or redirects to, built in one place. */
export const paths = {
  home: '/',
  login: '/login',
  logout: '/logout',
  keepAlive: '/session/keep-alive',
  accessibility: '/accessibility',
  health: '/healthz',
  organisations: '/organisations',
  organisation: (slug: string) => `/organisations/${encodeURIComponent(slug)}`,
  invitation: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  admin: {
    users: '/admin/users',
    newUser: '/admin/users/new',
    user: (id: number) => `/admin/users/${id}`,
    userDisable: (id: number) => `/admin/users/${id}/disable`,
    userEnable: (id: number) => `/admin/users/${id}/enable`,
    userInvitation: (id: number) => `/admin/users/${id}/invitation`,
    partnerships: '/admin/partnerships',
    newPartnership: '/admin/partnerships/new',
    partnership: (id: number) => `/admin/partnerships/${id}`,
    partnershipDelete: (id: number) => `/admin/partnerships/${id}/delete`,
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
    organisations: '/api/v1/organisations',
    questionnaires: '/api/v1/questionnaires',
  },
} as const

/** Only a local path may be a place to return to after signing in; anything else could send people away. */
export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//')) return paths.home
  if (candidate.includes('\\') || /[\r\n]/.test(candidate)) return paths.home
  return candidate
}
