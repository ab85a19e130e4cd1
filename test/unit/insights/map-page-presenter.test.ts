import type { Organisation } from '../../../src/domain/organisation'
import { mapPageView } from '../../../src/presenters/insights/map-page.presenter'
import type { Heatmap } from '../../../src/services/insights/insights.service'

const camden = { gss: 'E09000007', name: 'Camden', slug: 'camden', tile: { x: 1, y: 2 } } as Organisation
const hackney = { gss: 'E09000012', name: 'Hackney', slug: 'hackney', tile: { x: 2, y: 2 } } as Organisation
const sutton = { gss: 'E09000029', name: 'Sutton', slug: 'sutton', tile: { x: 3, y: 5 } } as Organisation
const noErrors = { summary: [], fields: {} }

function heatmapOf(basis = 'final'): Heatmap {
  const row = (o: Organisation, overall: number | null) => ({
    organisation: o,
    state: 'submitted',
    scored: overall !== null,
    moderated: false,
    overall,
    parentScore: overall,
    cells: [{ score: overall }],
  })
  return {
    round: { id: 4, name: 'Spring 2026' },
    definition: { weakThreshold: 2.5 },
    query: { level: 'dimension', basis, threshold: 2.5, order: 'name', minSize: 3, k: 4 },
    scope: {
      level: 'dimension',
      columns: [{ key: 'data.governance', title: 'Data' }],
      parent: null,
      grandparent: null,
    },
    rows: [row(camden, 2), row(hackney, null)],
  } as unknown as Heatmap
}

describe('the London map page view', () => {
  it('names each map’s ids and sums up its weak authorities in words', () => {
    const view = mapPageView(heatmapOf(), [camden, hackney], undefined, noErrors)
    const data = view.maps[1]
    expect(data).toMatchObject({
      id: 'map-data-governance',
      captionId: 'map-data-governance-caption',
      hatchId: 'map-data-governance-hatch',
      summary: '1 of 1 scored authority weak, below 2.50',
    })
  })

  it('gives each tile its classes and where its outline and text sit', () => {
    const [camdenTile, hackneyTile] = mapPageView(heatmapOf(), [camden, hackney], undefined, noErrors).maps[0]!.tiles
    expect(camdenTile).toMatchObject({ x: 63, y: 123, textX: 90, labelY: 147, scoreY: 167 })
    expect(camdenTile!.inner).toEqual({ x: 66.5, y: 126.5, size: 47 })
    expect(camdenTile!.classes).toMatch(/ app-map-tile--weak$/)
    expect(hackneyTile!.classes).toBe('app-heat--none app-map-tile--empty')
  })

  it('links each tile to its authority’s page, named by what the tile says', () => {
    const [camdenTile, hackneyTile] = mapPageView(heatmapOf(), [camden, hackney], undefined, noErrors).maps[0]!.tiles
    expect(camdenTile!.href).toBe('/organisations/camden')
    expect(hackneyTile!.href).toBe('/organisations/hackney')
    // The name begins with what the tile shows, so a voice user can say it.
    expect(camdenTile!.linkName).toMatch(/^CMD \d\.\d\d, Camden(, weak)?$/)
    expect(hackneyTile!.linkName).toMatch(/^HCK, Hackney: /)
  })

  it('tables every authority, named by a link to its page, with the heatmap’s own cells', () => {
    const { table } = mapPageView(heatmapOf(), [sutton, camden, hackney], undefined, noErrors)
    expect(table.head.map(h => h.text)).toEqual(['Authority', 'Overall', 'Data'])
    expect(table.head[1]).toMatchObject({ format: 'numeric', classes: 'app-heatmap__column' })
    const rows = table.rows as { attributes: object; cells: { html?: string; classes?: string }[] }[]
    expect(rows.map(r => r.cells[0]!.html)).toEqual([
      '<a class="govuk-link" href="/organisations/camden">Camden</a>',
      '<a class="govuk-link" href="/organisations/hackney">Hackney</a>',
      '<a class="govuk-link" href="/organisations/sutton">Sutton</a>',
    ])
    expect(rows[0]!.attributes).toEqual({ 'data-gss': 'E09000007' })
    expect(rows[0]!.cells[0]).toMatchObject({ header: true, classes: 'app-table__row-header' })
    expect(rows[1]!.cells.slice(1).map(c => c.html)).toEqual(['Not submitted', 'Not answered'])
    expect(rows[2]!.cells.slice(1)).toEqual([
      { html: 'Not taking part', classes: 'app-heat app-heat--none' },
      { html: 'Not taking part', classes: 'app-heat app-heat--none' },
    ])
  })

  it('keeps a rejected threshold as typed, and links to the same view elsewhere', () => {
    const errors = { summary: [], fields: { threshold: 'Weak threshold must be from 1 to 5' } }
    const view = mapPageView(heatmapOf('self'), [], '9', errors)
    expect(view.form.threshold).toBe('9')
    expect(view.form.errorMessages.threshold).toBe('Weak threshold must be from 1 to 5')
    expect(view.basisText).toBe('self-assessed')
    expect(view.form.thresholdHint).toBe('From 1 to 5 (questionnaire: 2.5)')
    expect(view.links.heatmap).toMatch(/basis=self/)
    expect(view.action).toMatch(/4/)
  })
})
