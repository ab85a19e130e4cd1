import type { Knex } from 'knex'
import type { Db } from './db'

export interface AuditEventInput {
  /** When it happened, by the service's clock; the database's time if absent. */
  at?: Date
  actorUserId: number | null
  action: string
  entityType: string
  entityId: string | number
  before?: unknown
  after?: unknown
}

export interface AuditEvent extends AuditEventInput {
  id: number
  at: Date
}

export const toAuditRow = (event: AuditEventInput) => ({
  ...(event.at ? { at: event.at } : {}),
  actor_user_id: event.actorUserId,
  action: event.action,
  entity_type: event.entityType,
  entity_id: String(event.entityId),
  before: event.before === undefined ? null : JSON.stringify(event.before),
  after: event.after === undefined ? null : JSON.stringify(event.after),
})

export function auditRepository(knex: Knex) {
  return {
    /** Pass the transaction that made the change, so the event and the change stand or fall together. */
    async record(event: AuditEventInput, db: Db = knex): Promise<void> {
      await db('audit_events').insert(toAuditRow(event))
    },

    /** Many events at once (demo data); `at` may be set for events that happened earlier. */
    async recordMany(events: AuditEventInput[], db: Db = knex): Promise<void> {
      for (let i = 0; i < events.length; i += 500) await db('audit_events').insert(events.slice(i, i + 500).map(toAuditRow))
    },

    async forEntity(entityType: string, entityId: string | number, db: Db = knex): Promise<AuditEvent[]> {
      const rows = await db('audit_events')
        .where({ entity_type: entityType, entity_id: String(entityId) })
        .orderBy('id')
        .select<
          {
            id: number
            at: Date
            actor_user_id: number | null
            action: string
            entity_type: string
            entity_id: string
            before: unknown
            after: unknown
          }[]
        >('*')
      return rows.map(r => ({
        id: r.id,
        at: r.at,
        actorUserId: r.actor_user_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      }))
    },
  }
}

export type AuditRepository = ReturnType<typeof auditRepository>
