import type autocannon from 'autocannon'
import { PASSWORD, SAVERS, type Dataset } from './dataset'
import { FORWARDED, signIn } from './http'
import { load, type Measured } from './load'

/** Where the savers' requests go: the app's answer API, or the bare save handler standing in for it. */
export interface SaveTarget {
  base: string
  /** The path saving answer `key` of saver `who`'s assessment. */
  path: (who: number, key: string) => string
  headers: (who: number) => Record<string, string>
}

/**
 * 20 respondents saving their own assessments' answers at once, against whichever target is given: the
 * app and its bare ceiling save the same answers, so the revisions each answer is at live here, shared.
 * autocannon clears a connection's context before every request, so requests take (respondent, question)
 * slots in turn, skipping any whose last save has not been answered, and each save moves its answer's
 * level on, so every one is a real change.
 */
export function saveDriver(keys: string[]) {
  const revisions = new Map<number, number>()
  const visits = new Map<number, number>()
  // A slot whose last save is still on its way is passed over: its revision is not known yet.
  const inFlight = new Set<number>()
  // So is one whose save was cut off when a run ended, for good.
  const retired = new Set<number>()
  const slots = SAVERS * keys.length
  let next = 0
  return async (target: SaveTarget, duration: number): Promise<Measured> => {
    const measured = await load({
      url: target.base,
      connections: SAVERS,
      duration,
      requests: [
        {
          method: 'PUT',
          setupRequest: (request: autocannon.Request, context: object) => {
            let slot = next++ % slots
            while (inFlight.has(slot) || retired.has(slot)) slot = next++ % slots
            inFlight.add(slot)
            const visit = (visits.get(slot) ?? 0) + 1
            visits.set(slot, visit)
            Object.assign(context, { slot })
            const who = slot % SAVERS
            return {
              ...request,
              path: target.path(who, keys[Math.floor(slot / SAVERS)] ?? ''),
              headers: { ...FORWARDED, 'content-type': 'application/json', ...target.headers(who) },
              // Each visit to a slot moves its level on by one, so every save changes the answer: a save of
              // what is already there writes nothing, and would flatter the figure.
              body: JSON.stringify({ level: 1 + (visit % 5), revision: revisions.get(slot) ?? 0 }),
            }
          },
          onResponse: (status: number, body: string, context: object) => {
            const { slot } = context as { slot: number }
            inFlight.delete(slot)
            const answer = JSON.parse(body) as { revision?: number; current?: { revision: number } }
            // A 409 counts as an error, and tells the next save of this slot where the answer is now.
            const revision = status === 200 ? answer.revision : answer.current?.revision
            if (revision !== undefined) revisions.set(slot, revision)
          },
        },
      ],
    })
    for (const slot of inFlight) retired.add(slot)
    inFlight.clear()
    return measured
  }
}

export type SaveDriver = ReturnType<typeof saveDriver>

/** The saves round's respondents signed in through the form, each with the id of their own assessment. */
export async function appSaveTarget(base: string, dataset: Dataset): Promise<SaveTarget & { assessments: number[] }> {
  const sessions = await Promise.all(dataset.respondents.map(email => signIn(base, email, PASSWORD)))
  const assessments: number[] = await Promise.all(
    sessions.map(async s => {
      const response = await fetch(`${base}/api/v1/assessments?round=${dataset.savesRoundId}`, {
        headers: { ...FORWARDED, cookie: s.cookie },
      })
      const [mine] = (await response.json()) as { id: number }[]
      if (!mine) throw new Error('a bench respondent has no assessment in the saves round')
      return mine.id
    }),
  )
  return {
    base,
    assessments,
    path: (who, key) => `/api/v1/assessments/${assessments[who] ?? 0}/answers/${key}`,
    headers: who => ({ cookie: sessions[who]?.cookie ?? '', 'x-csrf-token': sessions[who]?.csrf ?? '' }),
  }
}
