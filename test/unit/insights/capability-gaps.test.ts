import type { QuestionnaireDefinition } from '../../../src/domain/questionnaire/definition'
import { capabilityGaps, type GapAnswers } from '../../../src/domain/insights/capability-gaps'

const base = { required: false, weight: 1, allowNotApplicable: false, evidence: 'none' as const }
const definition: QuestionnaireDefinition = {
  key: 'q',
  version: 1,
  title: 'Q',
  description: '',
  scale: { levels: [] },
  weakThreshold: 2.5,
  dimensions: [
    {
      key: 'services',
      title: 'Services',
      description: '',
      weight: 1,
      themes: [
        {
          key: 'services.housing',
          title: 'Housing',
          weight: 1,
          serviceArea: { categories: ['housing-management'] },
          questions: [
            {
              ...base,
              key: 'services.housing.system',
              type: 'text',
              prompt: 'System?',
              maxLength: 200,
              role: 'system',
            },
            {
              ...base,
              key: 'services.housing.capabilities',
              type: 'checklist',
              prompt: 'Which?',
              options: [
                { value: 'apply', label: 'Apply online' },
                { value: 'upload', label: 'Upload evidence' },
                { value: 'track', label: 'Track status' },
              ],
            },
          ],
        },
      ],
    },
  ],
}

const answered = (gss: string, held: string[] | undefined, system?: string): GapAnswers => ({
  gss,
  answers: new Map([
    ...(held ? [['services.housing.capabilities', { value: held, notApplicable: false }] as const] : []),
    ...(system ? [['services.housing.system', { value: system, notApplicable: false }] as const] : []),
  ]),
})

describe('capability gaps', () => {
  // Worked by hand: E1 holds apply and upload, E2 apply, E3 none yet, E4 has not answered, E5 holds all three.
  // E2 and E3 buy as one; E3's register names its housing system, the others only say it.
  const gaps = capabilityGaps({
    definition,
    results: [
      answered('E1', ['apply', 'upload'], 'Acme Housing'),
      answered('E2', ['apply'], ' acme housing '),
      answered('E3', ['none'], 'none'),
      answered('E4', undefined, 'Acme Housing'),
      answered('E5', ['apply', 'upload', 'track']),
    ],
    partnerships: [['E2', 'E3']],
    estate: [
      { gss: 'E3', category: 'housing-management', product: 'Roofline', contractEnd: '2028-03-31' },
      { gss: 'E1', category: 'finance-erp', product: 'Ledger', contractEnd: '2027-01-31' },
    ],
  })

  it('lists each capability lacked, most lacking first, out of the authorities that answered', () => {
    expect(gaps.map(g => [g.capability, g.lacking, g.answered])).toEqual([
      ['track', ['E1', 'E2', 'E3'], 4],
      ['upload', ['E2', 'E3'], 4],
      ['apply', ['E3'], 4],
    ])
  })

  it('counts a shared service once among the buyers', () => {
    expect(gaps.map(g => g.buyers)).toEqual([2, 1, 1])
  })

  it('names the systems the lacking run there, from the register first, with their contracts’ end', () => {
    expect(gaps[0]!.systems).toEqual([
      { name: 'Acme Housing', authorities: 2, contractsEndBy: null, answeredOnly: true },
      { name: 'Roofline', authorities: 1, contractsEndBy: '2028-03-31', answeredOnly: false },
    ])
    expect(gaps[2]!.systems).toEqual([
      { name: 'Roofline', authorities: 1, contractsEndBy: '2028-03-31', answeredOnly: false },
    ])
  })

  it('finds nothing where no one has answered a checklist', () => {
    expect(capabilityGaps({ definition, results: [answered('E4', undefined)], partnerships: [], estate: [] })).toEqual(
      [],
    )
  })
})
