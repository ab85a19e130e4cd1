import { checkPriorities } from '../../../src/domain/pipeline/priorities'

const areas = new Map([
  ['services.housing', 'Housing allocations and lettings'],
  ['services.waste-street', 'Waste and street services'],
  ['services.planning', 'Planning and building control'],
])

describe('service improvement priorities', () => {
  it('keep their order and close up blank choices', () => {
    expect(checkPriorities(['services.planning', '', ' services.housing ', null], areas)).toEqual({
      value: ['services.planning', 'services.housing'],
      errors: [],
    })
  })

  it('may be none at all', () => {
    expect(checkPriorities(['', '', '', '', ''], areas)).toEqual({ value: [], errors: [] })
  })

  it('report every problem against the choice it is in', () => {
    expect(
      checkPriorities(['services.housing', 'services.housing', 'data.quality', 7, 'services.housing'], areas).errors,
    ).toEqual([
      {
        field: 'priority2',
        message: 'Housing allocations and lettings is already priority 1: choose each service area once',
      },
      { field: 'priority3', message: '“data.quality” is not a service area of the questionnaire' },
      { field: 'priority4', message: 'Choose a service area from the list' },
      {
        field: 'priority5',
        message: 'Housing allocations and lettings is already priority 1: choose each service area once',
      },
    ])
  })

  it('are at most five', () => {
    expect(checkPriorities(['', '', '', '', '', 'services.housing'], areas).errors).toEqual([
      { field: 'priorities', message: 'Choose at most 5 priorities' },
    ])
  })
})
