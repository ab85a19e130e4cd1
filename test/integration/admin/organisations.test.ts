import { createTestApp, signIn, type TestApp } from '../../support/test-app'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

interface ApiOrganisation {
  gss: string
  name: string
  slug: string
  inner: boolean
  tile: { x: number; y: number }
  neighbours: string[]
}

async function fetchOrganisations(): Promise<ApiOrganisation[]> {
  const { agent } = await signIn(t.app, (await t.createUser('respondent')).email)
  const response = await agent.get('/api/v1/organisations').expect(200).expect('Content-Type', /json/)
  return response.body as ApiOrganisation[]
}

describe('GET /api/v1/organisations', () => {
  it('lists the 33 London authorities with their facts', async () => {
    const organisations = await fetchOrganisations()
    expect(organisations).toHaveLength(33)
    expect(organisations.map(o => o.gss).sort()).toEqual(
      Array.from({ length: 33 }, (_, i) => `E090000${String(i + 1).padStart(2, '0')}`),
    )
    expect(organisations.find(o => o.gss === 'E09000001')).toMatchObject({
      name: 'City of London',
      slug: 'city-of-london',
      inner: true,
    })
    expect(organisations.find(o => o.slug === 'kingston-upon-thames')?.gss).toBe('E09000021')
  })

  it('places every authority on its own tile of the 8 × 7 London Squared grid', async () => {
    const organisations = await fetchOrganisations()
    const tiles = new Set(organisations.map(o => `${o.tile.x},${o.tile.y}`))
    expect(tiles.size).toBe(33)
    for (const { tile } of organisations) {
      expect(tile.x).toBeGreaterThanOrEqual(0)
      expect(tile.x).toBeLessThanOrEqual(7)
      expect(tile.y).toBeGreaterThanOrEqual(0)
      expect(tile.y).toBeLessThanOrEqual(6)
    }
  })

  it('gives neighbours symmetrically, including Hackney–Islington and Havering–Barking and Dagenham', async () => {
    const organisations = await fetchOrganisations()
    const byGss = new Map(organisations.map(o => [o.gss, o]))
    for (const o of organisations) {
      expect(o.neighbours.length).toBeGreaterThan(0)
      for (const n of o.neighbours) expect(byGss.get(n)?.neighbours).toContain(o.gss)
    }
    const gss = (slug: string) => organisations.find(o => o.slug === slug)?.gss
    expect(byGss.get(gss('hackney') ?? '')?.neighbours).toContain(gss('islington'))
    expect(byGss.get(gss('havering') ?? '')?.neighbours).toContain(gss('barking-and-dagenham'))
  })
})

describe('reference data seeding', () => {
  it('can run again without duplicating anything', async () => {
    const count = async (table: string) => Number((await t.db.knex(table).count('* as n'))[0]?.n)
    const before = { organisations: await count('organisations'), neighbours: await count('organisation_neighbours') }
    await t.services.seed.seedReferenceData()
    await t.services.seed.seedReferenceData()
    expect({ organisations: await count('organisations'), neighbours: await count('organisation_neighbours') }).toEqual(
      before,
    )
    expect(before.organisations).toBe(33)
  })
})
