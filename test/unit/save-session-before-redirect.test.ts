import type { NextFunction, Request, Response } from 'express'
import { saveSessionBeforeRedirect } from '../../src/middleware/save-session-before-redirect'

function harness(save: (done: (error?: Error) => void) => void) {
  const events: string[] = []
  const req = { session: { save } } as unknown as Request
  const res = { redirect: (to: string) => events.push(`redirect ${to}`) } as unknown as Response
  const next = jest.fn() as NextFunction
  saveSessionBeforeRedirect(req, res, next)
  return { events, res, next }
}

describe('saving the session before a redirect', () => {
  it('sends the redirect only once the session, and its flash message, is stored', async () => {
    let finish: (() => void) | undefined
    const { events, res } = harness(done => {
      events.push('saving')
      finish = () => {
        events.push('saved')
        done()
      }
    })
    res.redirect('/moderation/1')
    expect(events).toEqual(['saving'])
    finish?.()
    await Promise.resolve()
    expect(events).toEqual(['saving', 'saved', 'redirect /moderation/1'])
  })

  it('passes a failed save to the error handler instead of redirecting', () => {
    const failure = new Error('database gone')
    const { events, res, next } = harness(done => done(failure))
    res.redirect('/')
    expect(events).toEqual([])
    expect(next).toHaveBeenLastCalledWith(failure)
  })

  it('redirects straight away once signing out has destroyed the session', () => {
    const events: string[] = []
    const req = {} as unknown as Request
    const res = { redirect: (to: string) => events.push(`redirect ${to}`) } as unknown as Response
    saveSessionBeforeRedirect(req, res, jest.fn())
    res.redirect('/login?signedOut=1')
    expect(events).toEqual(['redirect /login?signedOut=1'])
  })
})
