import { addDays } from '../src/domain/assessment/round'
import type { EntryContent, Route, ValueBand } from '../src/domain/pipeline/entry'
import { addMonths } from '../src/domain/pipeline/window'
import { randomFrom, WEAK_ON_DATA, WEAK_ON_HOUSING } from './demo-assessments'

/**
 * Synthetic pipeline entries and priorities for the demo, the same every time, with overlaps worth
 * finding: a dozen finance systems ending within two years, the east London group weak on data all
 * planning data platforms, the councils weak on housing renewing housing management together. Every
 * product and supplier name is made up, and every note says it is demo data.
 */
export const DEMO_PIPELINE_SEED = 20261127
export const DEMO_NOTE = 'Demo data: synthetic, describes no real council’s plans.'

export const DEMO_FINANCE = [
  'barnet',
  'brent',
  'camden',
  'croydon',
  'ealing',
  'greenwich',
  'harrow',
  'hounslow',
  'lewisham',
  'merton',
  'sutton',
  'tower-hamlets',
]
export const DEMO_DATA_PLATFORMS = [
  ...WEAK_ON_DATA,
  'hackney',
  'kingston-upon-thames',
  'richmond-upon-thames',
  'westminster',
]
export const DEMO_HOUSING = [...WEAK_ON_HOUSING.slice(0, 6), 'waltham-forest', 'hillingdon', 'tower-hamlets']

export interface DemoEntry {
  slug: string
  content: EntryContent
}

type Plan = [slug: string, months: number | null, more?: Partial<EntryContent>]

/** category → [current system, supplier] choices, all invented. */
const SYSTEMS: Record<string, [string, string | null][]> = {
  'finance-erp': [
    ['Meridian Financials', 'Meridian Systems'],
    ['Corvid ERP', 'Corvid Software'],
    ['Ledgerwise', 'Ledgerwise Ltd'],
  ],
  'data-platform': [
    ['Reports on an on-premises SQL Server', 'In-house'],
    ['Spreadsheets and shared drives', null],
    ['Brightwell Insight', 'Brightwell Analytics'],
  ],
  'housing-management': [
    ['Keystone Housing', 'Keystone Civic'],
    ['Hearth', 'Hearth Systems'],
  ],
  'hr-payroll': [
    ['PeoplePoint', 'PeoplePoint Ltd'],
    ['Paystream', 'Paystream Services'],
  ],
  'revenues-benefits': [['Civitas Revenues', 'Civitas Public Sector']],
  'customer-contact-crm': [['Contact Hub', 'Harbour Digital']],
  'adult-social-care': [['CareLedger', 'CareLedger Ltd']],
  'identity-access': [['On-premises directory', 'In-house']],
  parking: [['ParkRight', 'ParkRight Ltd']],
  waste: [['BinTrack', 'Greenline Systems']],
  'telephony-contact-centre': [['Voicegate', 'Voicegate Telecom']],
}

/** Months from today to each contract's end (null: not dated yet), and anything unusual about it. */
const PLANS: Record<string, Plan[]> = {
  'finance-erp': [
    ...DEMO_FINANCE.map((slug, i): Plan => [slug, 3 + ((i * 7) % 20), { shareable: i % 3 === 0 }]),
    ['islington', 4, { status: 'awarded' }],
    ['enfield', 10, { status: 'cancelled' }],
    ['wandsworth', 40],
  ],
  // Every third one is a new build with no contract to end, dated by when the work starts.
  'data-platform': DEMO_DATA_PLATFORMS.map((slug, i): Plan => [
    slug,
    i % 3 === 1 ? null : 5 + i * 2,
    { route: i % 3 === 1 ? 'build' : 'procure', shareable: [0, 3, 6].includes(i) },
  ]),
  'housing-management': DEMO_HOUSING.map((slug, i): Plan => [slug, 8 + ((i * 5) % 14), { shareable: i % 2 === 1 }]),
  'hr-payroll': [
    'hammersmith-and-fulham',
    'kensington-and-chelsea',
    'westminster',
    'wandsworth',
    'richmond-upon-thames',
  ].map((slug, i): Plan => [slug, 6 + i * 3, { shareable: i < 2, route: i < 2 ? 'share' : 'procure' }]),
  'revenues-benefits': [
    ['newham', 14],
    ['haringey', 15, { shareable: true }],
    ['enfield', 20],
    ['islington', 9, { status: 'cancelled' }],
  ],
  'customer-contact-crm': [
    ['camden', null],
    ['islington', null],
    ['hackney', null, { status: 'idea' }],
    ['haringey', 12],
  ],
  'adult-social-care': [
    ['bromley', 11],
    ['bexley', 13, { shareable: true }],
    ['greenwich', 16],
  ],
  'identity-access': [
    ['city-of-london', null, { status: 'idea' }],
    ['merton', null, { status: 'idea' }],
    ['kingston-upon-thames', null, { status: 'idea' }],
  ],
  parking: [
    ['havering', 7],
    ['redbridge', 8, { shareable: true }],
  ],
  waste: [
    ['sutton', 18, { status: 'in_procurement' }],
    ['barking-and-dagenham', 5, { status: 'awarded' }],
  ],
  'telephony-contact-centre': [
    ['lambeth', 10],
    ['southwark', 12, { shareable: true }],
  ],
}

/** The service area a service system serves, so plans meet the theme they would improve rather than the whole dimension. */
const THEMES: Record<string, string> = {
  'housing-management': 'services.housing',
  'revenues-benefits': 'services.revenues-benefits',
  'adult-social-care': 'services.adult-social-care',
  'customer-contact-crm': 'services.customer-contact',
  'telephony-contact-centre': 'services.customer-contact',
  parking: 'services.parking-highways',
  waste: 'services.waste-street',
}

const endOfMonth = (date: string): string => addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1)

const BANDS: ValueBand[] = ['100k-500k', '500k-1m', '1m-5m']
const BIG_BANDS: ValueBand[] = ['1m-5m', '5m-plus']

/** Every demo entry, dated from today so the overlaps are always in the next two years. */
export function demoPipeline(today: string): DemoEntry[] {
  const random = randomFrom(DEMO_PIPELINE_SEED)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  return Object.entries(PLANS).flatMap(([categoryKey, plans]) =>
    plans.map(([slug, months, more = {}], i) => {
      const [currentSystem, supplier] = pick(SYSTEMS[categoryKey] ?? [['Unknown', null]])
      const route: Route = more.route ?? (random() < 0.15 ? 'extend' : 'procure')
      const newBuild = months === null && route === 'build'
      // Contracts end at a month's end; work to replace one starts about a year before, if that is still ahead.
      const contractEnd = months === null ? null : endOfMonth(addMonths(today, months))
      const start = contractEnd && addMonths(contractEnd, -12)
      return {
        slug,
        content: {
          categoryKey,
          currentSystem: newBuild ? null : currentSystem,
          supplier: newBuild ? null : supplier,
          contractEnd,
          plannedStart: newBuild ? addMonths(today, 3 + i) : start && start > today ? start : null,
          route,
          valueBand: more.valueBand ?? pick(categoryKey === 'finance-erp' ? BIG_BANDS : BANDS),
          status: more.status ?? (months !== null && months <= 6 ? 'in_procurement' : 'planned'),
          addresses: more.addresses ?? THEMES[categoryKey] ?? null,
          notes: DEMO_NOTE,
          shareable: more.shareable ?? false,
        },
      }
    }),
  )
}

/** Three ranked service areas per authority; those weak on housing put housing first. */
export function demoPriorities(slugs: readonly string[], serviceAreas: readonly string[]): Map<string, string[]> {
  const random = randomFrom(DEMO_PIPELINE_SEED + 1)
  return new Map(
    slugs.map(slug => {
      const shuffled = [...serviceAreas]
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string]
      }
      const first = WEAK_ON_HOUSING.includes(slug) ? ['services.housing'] : []
      return [slug, [...first, ...shuffled.filter(a => !first.includes(a))].slice(0, 3)]
    }),
  )
}
