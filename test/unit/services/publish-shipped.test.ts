import { publishShipped, type ShippedVersion } from '../../../src/services/publish-shipped'

type Stored = Awaited<ReturnType<ShippedVersion['stored']>>
const shippedDocument = { key: 'core', version: 2, title: 'Core', points: [{ key: 'a' }] }

/** A version held in memory, whose writes may be refused a given number of times, as a racing start would. */
function held(initial: Stored, refusals = 0) {
  let stored = initial
  let refused = 0
  const calls: string[] = []
  const refuse = () => {
    if (refused < refusals) {
      refused++
      throw new Error('duplicate key value violates unique constraint')
    }
  }
  const version: ShippedVersion = {
    stored: () => Promise.resolve(stored),
    upload: () => {
      calls.push('upload')
      refuse()
      stored = { status: 'draft', document: structuredClone(shippedDocument) }
      return Promise.resolve()
    },
    publish: () => {
      calls.push('publish')
      refuse()
      if (stored) stored = { ...stored, status: 'published' }
      return Promise.resolve()
    },
  }
  return { version, calls, stored: () => stored }
}

describe('publishing a version shipped with the service', () => {
  it('uploads and publishes a version the database does not have', async () => {
    const v = held(undefined)
    expect(await publishShipped(shippedDocument, v.version)).toBe(true)
    expect(v.calls).toEqual(['upload', 'publish'])
    expect(v.stored()?.status).toBe('published')
  })

  it('leaves a published or retired version alone', async () => {
    for (const status of ['published', 'retired'] as const) {
      const v = held({ status, document: { other: true } })
      expect(await publishShipped(shippedDocument, v.version)).toBe(false)
      expect(v.calls).toEqual([])
    }
  })

  it('publishes a draft of the same document left by a start that died, whatever its keys’ order', async () => {
    const v = held({ status: 'draft', document: { points: [{ key: 'a' }], title: 'Core', version: 2, key: 'core' } })
    expect(await publishShipped(shippedDocument, v.version)).toBe(true)
    expect(v.calls).toEqual(['publish'])
  })

  it('leaves an administrator’s different draft under the same key and version alone', async () => {
    const v = held({ status: 'draft', document: { ...shippedDocument, title: 'Core, as we drafted it' } })
    expect(await publishShipped(shippedDocument, v.version)).toBe(false)
    expect(v.calls).toEqual([])
    expect(v.stored()?.status).toBe('draft')
  })

  it('looks again when a write is refused because another start got there first', async () => {
    const v = held(undefined, 2)
    expect(await publishShipped(shippedDocument, v.version)).toBe(true)
    expect(v.calls).toEqual(['upload', 'upload', 'upload', 'publish'])
  })

  it('gives up with the database’s own error after five refusals, rather than trying for ever', async () => {
    const v = held(undefined, 5)
    await expect(publishShipped(shippedDocument, v.version)).rejects.toThrow('duplicate key value')
    expect(v.calls).toHaveLength(5)
  })
})
