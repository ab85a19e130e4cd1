import fc from 'fast-check'
import { contractEndsSummary, contractEndsTable, positionTag } from '../../../src/presenters/estate/scorecard.presenter'
import { estateSentence, failingText, unplannedSummary } from '../../../src/presenters/pipeline/opportunities.presenter'
import type { EstateDecision } from '../../../src/domain/estate/decisions'
import { hhiText, percent } from '../../../src/presenters/estate/concentration.presenter'
import { productSwatches } from '../../../src/presenters/estate/estate-map.presenter'
import type { AnalysedEntry } from '../../../src/domain/estate/analysis'

describe('the scorecard’s contract-ends chart', () => {
  const ends = [
    { quarter: '2026 Q4', count: 0 },
    { quarter: '2027 Q1', count: 2 },
    { quarter: '2027 Q2', count: 1 },
  ]

  it('marks one bar per quarter with the number its table cell shows', () => {
    const table = contractEndsTable(ends)
    expect(table.head.map(h => h.text)).toEqual(['Contracts', '2026 Q4', '2027 Q1', '2027 Q2'])
    expect(table.head.slice(1).every(h => h.attributes?.['data-series'] === true)).toBe(true)
    const [row] = table.rows
    expect(row?.attributes).toEqual({ 'data-chart-row': true })
    expect(row?.cells.slice(1).map(c => [c.text, c.attributes?.['data-value']])).toEqual([
      ['0', 0],
      ['2', 2],
      ['1', 1],
    ])
  })

  it('always draws what the table says, whatever the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 12 }), counts => {
        const table = contractEndsTable(counts.map((count, i) => ({ quarter: `Q${i}`, count })))
        const cells = table.rows[0]?.cells.slice(1) ?? []
        expect(cells.map(c => c.attributes?.['data-value'])).toEqual(counts)
        expect(cells.map(c => Number(c.text))).toEqual(counts)
      }),
    )
  })

  it('says the story in a sentence, and draws nothing when nothing ends', () => {
    expect(contractEndsSummary(ends)).toBe(
      '3 contracts for it end from today on; the busiest quarter is 2027 Q1, with 2.',
    )
    expect(contractEndsSummary([])).toBe('No authority running it has told us of a contract ending from today on.')
    expect(contractEndsTable([])).toEqual({ head: [], rows: [] })
  })

  it('tags London’s position in words, not only colour', () => {
    expect(positionTag('does_not_meet')).toContain('Does not meet')
    expect(positionTag('too_few')).toContain('Too few ratings')
  })
})

describe('concentration in words', () => {
  it('says the index and whether it is highly concentrated', () => {
    expect(hhiText({ hhi: 3800, highlyConcentrated: true })).toBe('3,800, highly concentrated (the line is 2,500)')
    expect(hhiText({ hhi: 2500, highlyConcentrated: false })).toBe('2,500, not highly concentrated (the line is 2,500)')
    expect(percent(0.5)).toBe('50%')
    expect(percent(1 / 3)).toBe('33.3%')
  })
})

describe('the map’s legend', () => {
  const entry = (organisation: string, productId: number): AnalysedEntry => ({
    entryId: 0,
    organisationId: 0,
    organisation,
    organisationName: organisation,
    organisationSlug: organisation,
    categoryKey: 'finance-erp',
    productId,
    productName: `Product ${productId}`,
    supplierId: productId,
    supplierName: `Supplier ${productId}`,
    hosting: 'saas',
    contractEnd: null,
    shareable: false,
  })

  it('gives the most used products their own letters and puts the rest past eight under “other”', () => {
    // Product 1 by 3 authorities, product 2 by 2, products 3 to 10 by one each: ten products.
    const entries = [entry('A', 1), entry('B', 1), entry('C', 1), entry('D', 2), entry('E', 2)]
    for (let p = 3; p <= 10; p++) entries.push(entry(`X${p}`, p))
    const { legend, swatch } = productSwatches(entries)
    expect(legend.map(l => l.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', '+'])
    expect(legend[0]).toMatchObject({ label: 'Product 1 (Supplier 1)', authorities: 3 })
    expect(legend.at(-1)).toMatchObject({ label: 'Other products (3)', authorities: 3 })
    // Ties go by name, so Product 10 comes before Product 3 and the last three by name share "+".
    expect([7, 8, 9].map(p => swatch.get(p)?.letter)).toEqual(['+', '+', '+'])
    expect(swatch.get(10)?.letter).toBe('C')
  })

  it('keeps eight products each with its own letter', () => {
    const entries = Array.from({ length: 8 }, (_, i) => entry(`O${i}`, i + 1))
    expect(productSwatches(entries).legend.map(l => l.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])
  })
})

describe('the estate beside the pipeline', () => {
  const decision: EstateDecision = {
    categoryKey: 'finance-erp',
    systems: [],
    organisations: [],
    buyers: 1,
    earliest: '2027-01-31',
    latest: '2028-06-30',
    worstPoint: undefined,
  }

  it('says how many contracts end and the point most of them fail', () => {
    expect(
      estateSentence(
        {
          ...decision,
          organisations: Array.from({ length: 12 }, (_, i) => `E${i}`),
          worstPoint: {
            key: 'open',
            title: 'Open standards',
            standardTitle: 'Technology Code of Practice',
            number: 7,
            failing: 8,
          },
        },
        'Finance and ERP',
        '2028-11-27',
      ),
    ).toBe(
      '12 authorities’ finance and ERP contracts end by 27 November 2028; 8 rate their product as not meeting point 7 (Open standards) of the Technology Code of Practice.',
    )
    expect(estateSentence({ ...decision, organisations: ['E1'] }, 'HR and payroll', '2028-11-27')).toBe(
      'One authority’s HR and payroll contract ends by 27 November 2028.',
    )
  })

  it('says how many categories have contracts ending with nobody planning, or why there are none', () => {
    const window = { from: '2026-11-27', to: '2028-11-27' }
    const category = { key: 'hr-payroll', name: 'HR and payroll', addresses: null }
    const estate = new Map([['hr-payroll', decision]])
    expect(unplannedSummary({ window, estate, unplanned: [{ category, decision }] })).toBe(
      'In 1 category, systems on authorities’ registers have contracts ending by 27 November 2028 but no authority has an open plan yet. Each is a decision coming, and a chance to make it together.',
    )
    expect(unplannedSummary({ window, estate, unplanned: [] })).toMatch(/^Wherever a system .* some authority already/)
    expect(unplannedSummary({ window, estate: new Map(), unplanned: [] })).toBe(
      'No system on an authority’s register has a contract ending by 27 November 2028.',
    )
  })

  it('names the point they fail and how many fail it, or says none does', () => {
    expect(
      failingText({
        ...decision,
        worstPoint: { key: 'open', title: 'Open standards', standardTitle: 'Technology Code', number: 7, failing: 8 },
      }),
    ).toBe('8 of them: point 7 (Open standards) of the Technology Code')
    expect(failingText(decision)).toBe('None rated as not meeting any point')
  })
})
