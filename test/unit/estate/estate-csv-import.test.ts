import { describeProblem, MAX_ESTATE_IMPORT_BYTES, readEstateImport } from '../../../src/domain/estate/csv-import'
import { estateImportTemplate } from '../../../src/domain/estate/csv-template'
import type { EstateImportContext } from '../../../src/domain/estate/csv-import'
import type { Product } from '../../../src/domain/estate/estate'

const product = (
  id: number,
  name: string,
  supplier: [number, string],
  categoryKey: string,
  change: Partial<Product> = {},
): Product => ({
  id,
  name,
  supplier: { id: supplier[0], name: supplier[1] },
  categoryKey,
  status: 'approved',
  mergedIntoId: null,
  revision: 1,
  ...change,
})

const context: EstateImportContext = {
  categories: [
    { key: 'finance-erp', name: 'Finance and ERP', addresses: 'foundations' },
    { key: 'waste', name: 'Waste', addresses: 'services' },
  ],
  products: [
    product(1, 'Ledger One', [1, 'Example Software Ltd'], 'finance-erp'),
    product(2, 'Bin Route', [2, 'Binware'], 'waste'),
    product(3, 'Ledger One', [2, 'Binware'], 'finance-erp'),
    product(4, 'Old Ledger', [1, 'Example Software Ltd'], 'finance-erp', { status: 'merged', mergedIntoId: 1 }),
  ],
  suppliers: [
    { id: 1, name: 'Example Software Ltd', aliases: ['Example'] },
    { id: 2, name: 'Binware', aliases: [] },
  ],
}

const HEADER = 'category,product,supplier,hosting,contract_end,cost_band,shareable,notes'
const read = (...lines: string[]) => readEstateImport(Buffer.from(lines.join('\n')), context)
const report = (...lines: string[]) => read(...lines).problems.map(describeProblem)

describe('reading an estate import', () => {
  it('matches products by name and supplier whatever their case, and reads British dates and yes or no', () => {
    const { entries } = read(
      'Category,Product,Supplier,Hosting,Contract end,Cost band,Shareable,Notes',
      'Finance-ERP,ledger one,EXAMPLE SOFTWARE LTD,SaaS,31/3/2028,500k-1m,Yes,Renewed',
      'waste,BIN ROUTE,,on premises,,,no,',
      'finance-erp,Ledger One,example,Public cloud,2029-01-31,,n,',
    )
    expect(entries?.map(e => [e.categoryKey, e.productId, e.hosting, e.contractEnd, e.costBand, e.shareable])).toEqual([
      ['finance-erp', 1, 'saas', '2028-03-31', '500k-1m', true],
      ['waste', 2, 'on_premises', null, null, false],
      ['finance-erp', 1, 'public_cloud', '2029-01-31', null, false],
    ])
  })

  it('lists every bad row and field, and imports nothing', () => {
    const result = read(
      HEADER,
      'finance-erp,Ledger One,Example,saas,,,no,',
      'finance-erp,Ledger One,,cloud,31/02/2028,cheap,maybe,',
      'waste,Nothing Like It,,saas,,,no,',
      'waste,Ledger One,Binware,saas,,,no,',
      'finance-erp,Old Ledger,,saas,,,no,',
      'finance-erp,Ledger One,Nobody,saas,,,no,',
    )
    expect(result.entries).toBeUndefined()
    expect(result.problems.map(describeProblem)).toEqual([
      'Row 3, product: “Ledger One” is sold by Example Software Ltd and Binware: write which in the supplier column',
      'Row 3, hosting: the hosting must be one of: on_premises (On premises), private_cloud (Private cloud), public_cloud (Public cloud), saas (Software as a service); “cloud” is not',
      'Row 3, contract end date: the contract end date must be a real date written as YYYY-MM-DD, not “31/02/2028”',
      'Row 3, cost band: the cost band must be one of: under-100k (Under £100,000), 100k-500k (£100,000 to £499,999), 500k-1m (£500,000 to £999,999), 1m-5m (£1 million to £4.99 million), 5m-plus (£5 million or more), unknown (Not known yet); “cheap” is not',
      'Row 3, sharing: write yes or no, not “maybe”',
      'Row 4, product: there is no product called “Nothing Like It” in the catalogue: check the spelling, or propose the product first',
      'Row 5, product: “Ledger One” is in the catalogue under Finance and ERP, not Waste: choose a product from the entry’s category, or change the category',
      'Row 6, product: “Old Ledger” was merged into “Ledger One”: write that name instead',
      'Row 7, product: there is no supplier called “Nobody” in the catalogue',
    ])
  })

  it('refuses a file whose header is not the template’s, naming what is missing and unknown', () => {
    expect(report('category,product,hosting,colour', 'waste,Bin Route,saas,red')).toEqual([
      'The first row must be the template’s header: missing supplier, contract_end, cost_band, shareable, notes; unknown “colour”. Download the template and copy your rows into it.',
    ])
  })

  it('refuses a file too large before reading it, and one that is not UTF-8', () => {
    const big = Buffer.alloc(MAX_ESTATE_IMPORT_BYTES + 1, 0xff)
    expect(readEstateImport(big, context).problems.map(describeProblem)).toEqual(['The file must be 1 MB or smaller.'])
    expect(readEstateImport(Buffer.from([0xff, 0xfe, 0x41]), context).problems[0]?.message).toMatch(/not UTF-8/)
  })

  it('ignores the template’s example row, so the template alone has no systems in it', () => {
    expect(report(estateImportTemplate())).toEqual(['The file has a header but no systems. Add a row for each system.'])
  })

  it('takes its own template with a row added', () => {
    const file = `${estateImportTemplate()}waste,Bin Route,Binware,saas,2030-12-31,unknown,yes,\r\n`
    const result = readEstateImport(Buffer.from(file), context)
    expect(result.problems).toEqual([])
    expect(result.entries).toHaveLength(1)
  })
})
