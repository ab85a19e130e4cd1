import { describeProblem, readImport } from '../../../src/domain/pipeline/csv-import'
import { importTemplate } from '../../../src/domain/pipeline/csv-template'
import type { EntryContext } from '../../../src/domain/pipeline/entry'

const context: EntryContext = {
  categories: [
    { key: 'finance-erp', name: 'Finance and ERP', addresses: 'foundations' },
    { key: 'waste', name: 'Waste', addresses: 'services' },
  ],
  addressable: new Map([['foundations', 'Technology foundations']]),
}

const HEADER =
  'category,current_system,supplier,contract_end,planned_start,route,value_band,status,maturity_area,notes,shareable'
const read = (...lines: string[]) => readImport(Buffer.from(lines.join('\n')), context)
const report = (...lines: string[]) => read(...lines).problems.map(describeProblem)

describe('reading an import file', () => {
  it('reads British dates, capitalised keys and every way of saying yes or no', () => {
    const { entries } = read(
      HEADER,
      'Waste,,,31/3/2028,01/04/2027,Procure,Unknown,Planned,,,Yes',
      'waste,,,,,build,unknown,idea,,,n',
      'waste,,,,,build,unknown,idea,,,TRUE',
      'waste,,,,,build,unknown,idea,,,',
    )
    expect(entries?.map(e => [e.categoryKey, e.contractEnd, e.plannedStart, e.route, e.shareable])).toEqual([
      ['waste', '2028-03-31', '2027-04-01', 'procure', true],
      ['waste', null, null, 'build', false],
      ['waste', null, null, 'build', true],
      ['waste', null, null, 'build', false],
    ])
  })

  it('names a British date that does not exist as it was typed', () => {
    expect(report(HEADER, 'waste,,,31/02/2028,,build,unknown,idea,,,no')).toEqual([
      'Row 2, contract end date: the contract end date must be a real date written as YYYY-MM-DD, not “31/02/2028”',
    ])
  })

  it('takes header names in any case, with spaces or hyphens for underscores', () => {
    const header =
      'Category,Current System,supplier,Contract-End,planned start,ROUTE,value band,status,Maturity Area,notes,Shareable'
    expect(read(header, 'waste,,,,,build,unknown,idea,foundations,,no').entries).toHaveLength(1)
  })

  it('names a header column that has no name, and one given twice', () => {
    expect(report(`${HEADER},,category`, 'waste,,,,,build,unknown,idea,,,no')).toEqual([
      'The first row must be the template’s header: unknown a column with no name; repeated category. Download the template and copy your rows into it.',
    ])
  })

  it('skips blank and commented rows but still counts them, as a spreadsheet numbers its rows', () => {
    expect(
      report(
        HEADER,
        '',
        '# a note,,,',
        'waste,,,,,build,unknown,idea,,,no',
        ',,,,,,,,,,',
        'waste,,,,,,unknown,idea,,,no',
      ),
    ).toEqual(['Row 6, route: select the route'])
  })

  it('reads fewer values than columns as blanks at the end', () => {
    expect(read(HEADER, 'waste,,,,,build,unknown,idea').entries).toHaveLength(1)
  })

  it('reads its own template as a header and nothing to import', () => {
    expect(readImport(Buffer.from(importTemplate()), context).problems.map(describeProblem)).toEqual([
      'The file has a header but no entries. Add a row for each entry.',
    ])
  })
})
