import { allQuestions, type QuestionnaireDefinition } from '../../domain/questionnaire/definition'
import { paths } from '../../paths'
import { shortDate } from '../../domain/format/dates'
import { definitionDownloads, type DownloadLink } from './questionnaire-upload.presenter'
import type { Tag } from './rounds.presenter'
import type { Table } from '../govuk-params'
import { element, joinHtml, link, tag, text, type Html } from '../html'
import { plural } from '../../domain/format/plurals'
import type { Erratum } from '../../domain/questionnaire/errata'
import { errataSection } from './errata.presenter'

type VersionStatus = 'draft' | 'published' | 'retired'

interface ListedVersion {
  key: string
  version: number
  title: string
  status: VersionStatus
  publishedAt: Date | null
}

export const VERSION_STATUS_TAGS: Record<VersionStatus, Tag> = {
  draft: { text: 'Draft', classes: 'govuk-tag--yellow' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  retired: { text: 'Retired', classes: 'govuk-tag--grey' },
}

export interface Link {
  href: string
  text: string
}

export interface QuestionnaireGroup {
  key: string
  /** The newest version's title, with the questionnaire's key under it. */
  caption: Html
  table: Table
  /** The two newest versions compared, when there are two. */
  compare: Link | null
}

export interface QuestionnairesView {
  hasVersions: boolean
  groups: QuestionnaireGroup[]
  /** Beside the upload form: an example definition to start from, and the schema it is checked against. */
  downloads: readonly DownloadLink[]
}

const compareLink = (key: string, older: number, newer: number): Link => ({
  href: paths.admin.questionnaireCompare(key, older, newer),
  text: `Compare version ${older} with version ${newer}`,
})

/** Every version, one table per questionnaire, in the order they are listed. */
export function questionnairesView(versions: readonly ListedVersion[]): QuestionnairesView {
  const keys = [...new Set(versions.map(v => v.key))]
  return {
    hasVersions: keys.length > 0,
    downloads: definitionDownloads,
    groups: keys.map(key => {
      const mine = versions.filter(v => v.key === key)
      const newest = mine[mine.length - 1] as ListedVersion
      const before = mine[mine.length - 2]
      return {
        key,
        caption: joinHtml([text(newest.title), element('span', text(key), 'govuk-caption-m')], text(' ')),
        table: {
          head: [{ text: 'Version' }, { text: 'Title' }, { text: 'Status' }, { text: 'Published' }],
          rows: mine.map(v => [
            { html: link(paths.admin.questionnaireVersion(v.key, v.version), `Version ${v.version}`) },
            { text: v.title },
            { html: tag(VERSION_STATUS_TAGS[v.status]) },
            { text: v.publishedAt ? shortDate(v.publishedAt) : '' },
          ]),
        },
        compare: before ? compareLink(key, before.version, newest.version) : null,
      }
    }),
  }
}

interface LoadedVersion {
  key: string
  version: number
  title: string
  status: VersionStatus
  definition: QuestionnaireDefinition
}

export interface QuestionnaireVersionView {
  key: string
  title: string
  version: number
  tag: Tag
  dimensions: string
  questions: number
  weakBelow: string
  /** What it supersedes, or null for a first version. */
  supersedes: string | null
  previewHref: string
  compare: Link[]
  /** Publishing and retiring cannot be undone: each button is a link to its check page. */
  canPublish: boolean
  publishHref: string
  publishText: string
  canRetire: boolean
  retireHref: string
  retireText: string
  errataSection: ReturnType<typeof errataSection>
}

/** One version: its facts, and what can be done with it now. */
export function questionnaireVersionView(
  loaded: LoadedVersion,
  others: readonly { version: number }[],
  errata: readonly Erratum[] = [],
): QuestionnaireVersionView {
  const { key, version, definition } = loaded
  return {
    key,
    title: loaded.title,
    version,
    tag: VERSION_STATUS_TAGS[loaded.status],
    dimensions: definition.dimensions.map(d => d.title).join(', '),
    questions: allQuestions(definition).length,
    weakBelow: `${definition.weakThreshold} on the 1 to 5 scale`,
    supersedes: definition.supersedes
      ? `Version ${definition.supersedes.version} (${plural(Object.keys(definition.supersedes.keyMap).length, 'question')} mapped)`
      : null,
    previewHref: paths.admin.questionnairePreview(key, version),
    compare: others.map(o => ({
      href: paths.admin.questionnaireCompare(key, Math.min(o.version, version), Math.max(o.version, version)),
      text: `Compare with version ${o.version}`,
    })),
    canPublish: loaded.status === 'draft',
    publishHref: paths.admin.questionnairePublish(key, version),
    publishText: `Publish version ${version}`,
    canRetire: loaded.status === 'published',
    retireHref: paths.admin.questionnaireRetire(key, version),
    retireText: `Retire version ${version}`,
    errataSection: errataSection(loaded, errata),
  }
}
