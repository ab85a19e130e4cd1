import autocannon from 'autocannon'
import { readFileSync } from 'node:fs'

export interface Measured {
  rps: number
  p50: number
  p99: number
  /** Connection errors, timeouts and responses outside 2xx. */
  errors: number
  requests: number
}

export async function load(options: autocannon.Options): Promise<Measured> {
  const result = await autocannon({ duration: 10, connections: 10, ...options })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  }
}

/** Resident memory of a process in MB, as the kernel counts it. */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}
