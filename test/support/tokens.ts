import { shortDateTime } from '../../src/domain/format/dates'
import { csrfFrom, type Agent } from './test-app'

export const TOKEN_PATTERN = /ldm_[A-Za-z0-9_-]{43}/

/** Makes a personal access token through the account page's form, as a person would; returns the page too. */
export async function createToken(
  agent: Agent,
  name = 'Reporting script',
  expiresInDays?: number,
): Promise<{ secret: string; id: number; page: string }> {
  const account = await agent.get('/account').expect(200)
  const response = await agent
    .post('/account/tokens')
    .type('form')
    .send({ _csrf: csrfFrom(account.text), name, ...(expiresInDays ? { expiresInDays: String(expiresInDays) } : {}) })
    .expect(200)
  const secret = TOKEN_PATTERN.exec(response.text)?.[0]
  if (!secret) throw new Error('no token on the page')
  const list = await agent.get('/account').expect(200)
  // Newest first: the token just made is the first one with a revoke button.
  const id = Number(/\/account\/tokens\/(\d+)\/revoke/.exec(list.text)?.[1])
  return { secret, id, page: response.text }
}

export const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` })

/** A time as the token tables show it: "27 Nov 2026 at 10:16am". */
export const shown = (d: Date): string => shortDateTime(d)

/** The cells of the token list's row for `name`, as the words a person reads. */
export function tokenRow(html: string, name: string): string[] {
  const row = new RegExp(`<tr[^>]*>\\s*<th[^>]*>${name}</th>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? ''
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(m =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
}
