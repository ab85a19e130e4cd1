import { hash, verify } from '@node-rs/argon2'

// @node-rs/argon2 declares its Algorithm as a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2
// OWASP's recommended argon2id settings: 19 MiB, two passes, one lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined
/** Spends the same effort as a real check, so an unknown email cannot be told apart by timing. */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('no account has this password, it only burns time')
  await verifyPassword(await dummyHash, password)
}
