/** A small, complete, valid definition for tests; each call returns a fresh copy to change. */
export function validDefinition(overrides: Record<string, unknown> = {}): Record<string, any> {
  const levels = {
    '1': 'Nothing written down.',
    '2': 'A draft exists.',
    '3': 'Agreed and used.',
    '4': 'Measured and reviewed.',
    '5': 'Shared across London.',
  }
  return {
    key: 'test-maturity',
    version: 1,
    title: 'Test maturity',
    description: 'For tests',
    scale: {
      levels: ['Ad hoc', 'Emerging', 'Defined', 'Embedded', 'Leading'].map((name, i) => ({
        value: i + 1,
        name,
        summary: `${name} practice`,
      })),
    },
    weakThreshold: 2.5,
    dimensions: [
      {
        key: 'data',
        title: 'Data',
        description: 'Data',
        themes: [
          {
            key: 'data.quality',
            title: 'Quality',
            questions: [
              {
                key: 'data.quality.standards',
                type: 'maturity',
                prompt: 'Standards?',
                levels: { ...levels },
                evidence: 'optional',
              },
              {
                key: 'data.quality.shared',
                type: 'choice',
                prompt: 'Shared?',
                options: [
                  { value: 'yes', label: 'Yes', score: 4 },
                  { value: 'no', label: 'No', score: 1 },
                ],
              },
              {
                key: 'data.quality.who',
                type: 'text',
                prompt: 'Who with?',
                maxLength: 200,
                required: false,
                showIf: { question: 'data.quality.shared', values: ['yes'] },
              },
            ],
          },
        ],
      },
      {
        key: 'tech',
        title: 'Technology',
        description: 'Tech',
        weight: 2,
        themes: [
          {
            key: 'tech.cloud',
            title: 'Cloud',
            weight: 1,
            questions: [
              {
                key: 'tech.cloud.first',
                type: 'maturity',
                prompt: 'Cloud first?',
                levels: { ...levels },
                allowNotApplicable: true,
              },
              { key: 'tech.cloud.share', type: 'number', prompt: 'Share in cloud', min: 0, max: 100, unit: '%' },
              {
                key: 'tech.cloud.platforms',
                type: 'multi',
                prompt: 'Platforms',
                options: [
                  { value: 'notify', label: 'Notify' },
                  { value: 'pay', label: 'Pay' },
                ],
              },
            ],
          },
        ],
      },
    ],
    ...overrides,
  }
}
