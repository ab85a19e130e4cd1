import type { StandardVersion } from '../../domain/estate/estate'
import { longDate, shortDate } from '../../domain/format/dates'
import { plural } from '../../domain/format/plurals'
import { paths } from '../../paths'
import type { CheckView } from '../admin/check.presenter'
import { VERSION_STATUS_TAGS } from '../admin/questionnaires.presenter'
import type { SummaryListRow, Table } from '../govuk-params'
import { element, joinHtml, link, tag, text, type Html } from '../html'

export interface StandardGroup {
  caption: Html
  table: Table
}

export interface AdminStandardsView {
  hasVersions: boolean
  groups: StandardGroup[]
  /** The standards everyone sees, for an administrator to check what they see. */
  publicHref: string
}

/** Every version of every standard, one table a standard, for administrators. */
export function adminStandardsView(versions: readonly StandardVersion[]): AdminStandardsView {
  const keys = [...new Set(versions.map(v => v.key))]
  return {
    hasVersions: keys.length > 0,
    publicHref: paths.standards,
    groups: keys.map(key => {
      const mine = versions.filter(v => v.key === key)
      const newest = mine[mine.length - 1] as StandardVersion
      return {
        caption: joinHtml([text(newest.title), element('span', text(key), 'govuk-caption-m')], text(' ')),
        table: {
          head: [{ text: 'Version' }, { text: 'Title' }, { text: 'Points' }, { text: 'Status' }, { text: 'Published' }],
          rows: mine.map(v => [
            { html: link(paths.admin.standardVersion(v.key, v.version), `Version ${v.version}`) },
            { text: v.title },
            { text: String(v.definition.points.length) },
            { html: tag(VERSION_STATUS_TAGS[v.status]) },
            { text: v.publishedAt ? shortDate(v.publishedAt) : '' },
          ]),
        },
      }
    }),
  }
}

export interface NumberedPoint {
  number: number
  title: string
  description: string
  key: string
}

export interface StandardVersionView {
  key: string
  title: string
  summary: SummaryListRow[]
  points: NumberedPoint[]
  backHref: string
  backText: string
  /** Publishing and retiring cannot be undone: each button leads to its check page. */
  canPublish: boolean
  publishHref: string
  publishText: string
  canRetire: boolean
  retireHref: string
  retireText: string
  /** A draft may be deleted, after a check page. */
  deleteHref: string | null
}

function summaryOf(v: StandardVersion, admin: boolean): SummaryListRow[] {
  const rows: SummaryListRow[] = [
    { key: { text: 'Source and edition' }, value: { text: v.definition.source } },
    { key: { text: 'Version' }, value: { text: String(v.version) } },
    { key: { text: 'Points' }, value: { text: String(v.definition.points.length) } },
  ]
  if (admin) rows.push({ key: { text: 'Status' }, value: { html: tag(VERSION_STATUS_TAGS[v.status]) } })
  else if (v.status === 'retired')
    rows.push({ key: { text: 'Status' }, value: { text: 'Retired: systems are no longer rated against it' } })
  if (v.publishedAt) rows.push({ key: { text: 'Published' }, value: { text: longDate(v.publishedAt) } })
  return rows
}

/** One version with its points in order; an administrator's view adds what can be done with it. */
export function standardVersionView(v: StandardVersion, admin: boolean): StandardVersionView {
  return {
    key: v.key,
    title: v.title,
    summary: summaryOf(v, admin),
    points: v.definition.points.map((p, i) => ({
      number: i + 1,
      title: p.title,
      description: p.description,
      key: p.key,
    })),
    backHref: admin ? paths.admin.standards : paths.standards,
    backText: admin ? 'Back to standards' : 'Back to the standards',
    canPublish: admin && v.status === 'draft',
    publishHref: paths.admin.standardPublish(v.key, v.version),
    publishText: `Publish version ${v.version}`,
    canRetire: admin && v.status === 'published',
    retireHref: paths.admin.standardRetire(v.key, v.version),
    retireText: `Retire version ${v.version}`,
    deleteHref: admin && v.status === 'draft' ? paths.admin.standardDelete(v.key, v.version) : null,
  }
}

export interface StandardsView {
  hasStandards: boolean
  table: Table
  /** For administrators: where standards are uploaded and published. */
  manage: { href: string; text: string } | null
}

/** The standards systems are rated against, for everyone signed in. */
export function standardsView(versions: readonly StandardVersion[], admin = false): StandardsView {
  return {
    hasStandards: versions.length > 0,
    manage: admin ? { href: paths.admin.standards, text: 'Upload, publish and retire standards' } : null,
    table: {
      head: [{ text: 'Standard' }, { text: 'Source and edition' }, { text: 'Points', format: 'numeric' }],
      rows: versions.map(v => [
        {
          html: joinHtml([
            link(paths.standard(v.key, v.version), v.title),
            element(
              'span',
              text(v.status === 'retired' ? `Version ${v.version}, retired` : `Version ${v.version}`),
              'govuk-body-s app-secondary-text govuk-!-display-block',
            ),
          ]),
        },
        { text: v.definition.source },
        { text: plural(v.definition.points.length, 'point'), format: 'numeric' },
      ]),
    },
  }
}

const versionBack = (v: StandardVersion) => ({
  backHref: paths.admin.standardVersion(v.key, v.version),
  backText: `Back to version ${v.version}`,
  caption: v.key,
  summary: [
    { key: { text: 'Standard' }, value: { text: v.title } },
    { key: { text: 'Version' }, value: { text: String(v.version) } },
    { key: { text: 'Points' }, value: { text: String(v.definition.points.length) } },
  ],
})

/** The page before publishing a draft standard. */
export function standardPublishCheckView(v: StandardVersion): CheckView {
  return {
    ...versionBack(v),
    explanation: ['Once published, every authority can rate its systems against this version.'],
    warning:
      'A published version can never change, and cannot go back to being a draft. To change it, upload a new version.',
    action: paths.admin.standardPublish(v.key, v.version),
    buttonText: `Publish version ${v.version}`,
    buttonClasses: '',
    cancelText: 'Cancel',
    refusal: v.status === 'draft' ? null : `Version ${v.version} is ${v.status}: only a draft can be published.`,
  }
}

/** The page before deleting a draft: it was never rated against, so nothing else goes with it. */
export function standardDeleteCheckView(v: StandardVersion): CheckView {
  return {
    ...versionBack(v),
    explanation: [
      `The draft “${v.title}” (version ${v.version}) and its ${v.definition.points.length} points will be deleted. No system was ever rated against it.`,
    ],
    warning: 'You cannot undo this. To have it back, upload the file again.',
    action: paths.admin.standardDelete(v.key, v.version),
    buttonText: `Delete draft version ${v.version}`,
    buttonClasses: 'govuk-button--warning',
    cancelText: 'Cancel',
    refusal: v.status === 'draft' ? null : `Version ${v.version} is ${v.status}: only a draft can be deleted.`,
  }
}

/** The page before retiring a published standard. */
export function standardRetireCheckView(v: StandardVersion): CheckView {
  return {
    ...versionBack(v),
    explanation: [
      'Retiring a version stops systems being rated against it. Ratings already given are kept and keep their meaning.',
    ],
    warning: 'A retired version cannot be published again.',
    action: paths.admin.standardRetire(v.key, v.version),
    buttonText: `Retire version ${v.version}`,
    buttonClasses: 'govuk-button--warning',
    cancelText: 'Cancel',
    refusal:
      v.status === 'published' ? null : `Version ${v.version} is ${v.status}: only a published version can be retired.`,
  }
}
