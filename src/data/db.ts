import type { Knex } from 'knex'

/** A repository call runs on the shared connection pool or inside a caller's transaction. */
export type Db = Knex | Knex.Transaction

/** A transaction, as services hand it from one repository call to the next without touching knex. */
export type Transaction = Knex.Transaction
