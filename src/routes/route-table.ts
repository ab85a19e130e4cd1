import { Router, type Express, type RequestHandler } from 'express'
import type { Access } from '../domain/roles'
import { acceptUpload, refuseMultipart, type UploadRule } from '../middleware/file-uploads'
import { requireAccess } from '../middleware/require-access'

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

export interface RouteDefinition {
  method: Method
  path: string
  access: Access
  handlers: RequestHandler[]
  /** Only a route that names its file here reads a multipart body; every other route refuses one unread. */
  upload?: UploadRule
}

/** What routes know of where the service is: links sent to people are built on publicUrl. */
export interface Site {
  /** An absolute http(s) address with no trailing slash (config's PUBLIC_URL). */
  publicUrl: string
}

export function route(method: Method, path: string, access: Access, ...handlers: RequestHandler[]): RouteDefinition {
  return { method, path, access, handlers }
}

/** A route whose form carries one file, read after the access check and the form's CSRF token. */
export function uploadRoute(
  path: string,
  access: Exclude<Access, 'public'>,
  upload: UploadRule,
  ...handlers: RequestHandler[]
): RouteDefinition {
  return { method: 'post', path, access, handlers, upload }
}

/** Lower-cased, as Express matches paths whatever their case. */
const firstSegment = (path: string): string => path.split('/', 2)[1]?.toLowerCase() ?? ''

/**
 * Each request is matched only against the routes that share its first path segment, in the order they
 * were given: tried one after another, a hundred routes were a noticeable part of every request's time.
 * The routers are called, not mounted, so each route still sees the whole path.
 */
export function mountRoutes(app: Express, routes: readonly RouteDefinition[]): void {
  const bySegment = new Map<string, Router>()
  for (const r of routes) {
    const segment = firstSegment(r.path)
    if (!/^[\w.-]*$/.test(segment)) throw new Error(`Route ${r.path}: its first segment must be fixed text`)
    let router = bySegment.get(segment)
    if (!router) bySegment.set(segment, (router = Router()))
    const body = r.upload ? acceptUpload(r.upload) : refuseMultipart
    router[r.method](r.path, requireAccess(r.access), body, ...r.handlers)
  }
  app.use((req, res, next) => {
    const router = bySegment.get(firstSegment(req.path))
    if (router) router(req, res, next)
    else next()
  })
}
