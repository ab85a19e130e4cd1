/** As a TLS-terminating load balancer tells the app, so production's Secure cookies are set. */
export const FORWARDED = { 'x-forwarded-proto': 'https' }

/** A signed-in browser session as the bench drives it: the session cookie and the page's CSRF token. */
export interface Session {
  cookie: string
  csrf: string
}

const cookieFrom = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map(c => c.split(';')[0])
    .join('; ')

const csrfFrom = (html: string): string => {
  const match = /name="csrf-token" content="([^"]+)"|name="_csrf" value="([^"]+)"/.exec(html)
  const token = match?.[1] ?? match?.[2]
  if (!token) throw new Error('no CSRF token on the page')
  return token
}

/** Signs in through the real form, as a person would. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const form = await fetch(`${base}/login`, { headers: FORWARDED })
  const first = cookieFrom(form)
  const body = new URLSearchParams({ email, password, _csrf: csrfFrom(await form.text()) })
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    body,
    headers: { ...FORWARDED, cookie: first, 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  })
  if (response.status !== 302) throw new Error(`signing in as ${email} gave ${response.status}`)
  const cookie = cookieFrom(response) || first
  const home = await fetch(`${base}/`, { headers: { ...FORWARDED, cookie } })
  return { cookie, csrf: csrfFrom(await home.text()) }
}

export async function waitForHealth(base: string, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  throw new Error(`${base} did not become healthy in ${seconds} s`)
}
