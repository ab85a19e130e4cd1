import type { Express, RequestHandler } from 'express'
import type { Role } from '../domain/roles'
import { requireAccess } from '../middleware/require-access'

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** 'public' routes need no sign-in; any other route names exactly the roles that may use it. */
export type Access = 'public' | readonly Role[]

export interface RouteDefinition {
  method: Method
  path: string
  access: Access
  handlers: RequestHandler[]
}

export function route(method: Method, path: string, access: Access, ...handlers: RequestHandler[]): RouteDefinition {
  return { method, path, access, handlers }
}

export function mountRoutes(app: Express, routes: readonly RouteDefinition[]): void {
  for (const r of routes) app[r.method](r.path, requireAccess(r.access), ...r.handlers)
}
