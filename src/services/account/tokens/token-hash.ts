import { createHash } from 'node:crypto'

/*
 * A 256-bit random secret cannot be guessed, so it needs no slow password hash: SHA-256 is enough to make
 * a stolen copy of the table useless, and being deterministic it lets a request find its token by index.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')
