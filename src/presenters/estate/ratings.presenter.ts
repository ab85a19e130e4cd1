import type { FieldError } from '../../domain/errors'
import { RATINGS, RATING_LABELS, type Rating } from '../../domain/estate/estate'
import { MAX_EVIDENCE_LENGTH } from '../../domain/estate/ratings'
import { dateTime, longDate } from '../../domain/format/dates'
import { paths } from '../../paths'
import type { RatingsView } from '../../services/estate/rate-system.service'
import { formErrors, type FormErrors } from '../form-errors'
import type { SummaryListRow } from '../govuk-params'
import { joinHtml, secondaryLine, text, type Html } from '../html'

/** The form field that holds a point's rating. */
export const ratingField = (pointKey: string): string => `rating-${pointKey}`

/** What was typed, kept when the page comes back with errors or a conflict. */
export interface TypedRatings {
  ratings: Record<string, string>
  evidence: string
}

/** Reads the posted form: each point's radios, and the evidence; the revision is sent as it is. */
export function postedRatings(body: Record<string, unknown>, pointKeys: readonly string[]): TypedRatings {
  const ratings: Record<string, string> = {}
  for (const key of pointKeys) {
    const value = body[ratingField(key)]
    if (typeof value === 'string' && value !== '') ratings[key] = value
  }
  return { ratings, evidence: typeof body.evidence === 'string' ? body.evidence : '' }
}

interface RadioGroup {
  name: string
  legend: string
  hint: { html: Html }
  items: { value: string; text: string; checked: boolean }[]
  errorMessage: string | undefined
}

export interface RatingsPageView {
  caption: string
  backHref: string
  backText: string
  standardHref: string
  standardText: string
  editable: boolean
  action: string
  revision: number
  groups: RadioGroup[]
  evidence: string
  evidenceMaxLength: number
  evidenceError: string | undefined
  /** For those who only read: each point and its rating. */
  summary: SummaryListRow[]
  lastSaved: string | null
  conflict: string | null
}

/** Since when a point has held its rating; "rated not assessed" says nothing, so a point left unrated says so. */
const sinceWords = (rating: Rating, since: Date | null): string =>
  since === null
    ? 'Not rated yet'
    : rating === 'not_assessed'
      ? 'Not assessed yet'
      : `Rated ${RATING_LABELS[rating].toLowerCase()} since ${longDate(since)}`

/** Form errors keyed by the form's own fields, from the service's pointers. */
export function ratingFormErrors(errors: readonly FieldError[]): FormErrors {
  return formErrors(
    errors.map(e => ({
      field: e.field.startsWith('/ratings/')
        ? ratingField(e.field.slice('/ratings/'.length))
        : e.field.replace(/^\//, '') || 'evidence',
      message: e.message,
    })),
  )
}

/** One system's ratings against one standard: a form for those who may change them, a list for others. */
export function ratingsPageView(
  view: RatingsView,
  options: { typed?: TypedRatings; errors?: FormErrors; conflict?: boolean } = {},
): RatingsPageView {
  const { entry, standard } = view
  const typed = options.typed
  const fields = options.errors?.fields ?? {}
  return {
    caption: `${entry.productName} (${entry.supplierName})`,
    backHref: paths.estateEntry(entry.id),
    backText: 'Back to the system',
    standardHref: paths.standard(standard.key, standard.version),
    standardText: `Read the ${standard.title} (version ${standard.version})`,
    editable: view.editable,
    action: paths.estateRatings(entry.id, standard.key, standard.version),
    revision: view.revision,
    groups: view.points.map((p, i) => {
      const chosen = typed ? (typed.ratings[p.key] ?? 'not_assessed') : p.rating
      return {
        name: ratingField(p.key),
        legend: `${i + 1}. ${p.title}`,
        hint: { html: joinHtml([text(p.description), secondaryLine(sinceWords(p.rating, p.since))]) },
        items: RATINGS.map(r => ({ value: r, text: RATING_LABELS[r], checked: r === chosen })),
        errorMessage: fields[ratingField(p.key)],
      }
    }),
    evidence: typed ? typed.evidence : (view.evidence ?? ''),
    evidenceMaxLength: MAX_EVIDENCE_LENGTH,
    evidenceError: fields.evidence,
    summary: [
      ...view.points.map((p, i) => ({
        key: { text: `${i + 1}. ${p.title}` },
        value: { html: joinHtml([text(RATING_LABELS[p.rating]), secondaryLine(sinceWords(p.rating, p.since))]) },
      })),
      { key: { text: 'Evidence' }, value: { text: view.evidence ?? 'None given' } },
    ],
    lastSaved: view.updatedAt ? `Last saved ${dateTime(view.updatedAt)}` : null,
    conflict: options.conflict
      ? 'Someone else saved ratings for this system after you opened this page. The ratings below are what you chose; each point’s hint says what is saved now. Save again to replace their ratings with yours.'
      : null,
  }
}
