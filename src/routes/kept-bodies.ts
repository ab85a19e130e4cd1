import type { Response } from 'express'
import type { KeepBody } from '../services/insights/round-results'

/** JSON serialised once per key while the round's data stands: at 10,000 organisations a heatmap is two megabytes of it. */
export async function sendKeptJson(res: Response, keep: KeepBody, key: string, make: () => unknown): Promise<void> {
  res.type('json').send(await keep(key, () => JSON.stringify(make())))
}
