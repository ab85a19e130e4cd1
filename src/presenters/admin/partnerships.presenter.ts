import { DESCRIPTION_MAX_LENGTH } from '../../domain/partnership'
import { paths } from '../../paths'
import { actionsHeader, rowHeader, type Table } from '../govuk-params'
import { joinHtml, link, secondaryLine, text } from '../html'
import { plural } from '../../domain/format/plurals'

interface ListedPartnership {
  id: number
  name: string
  description: string
  members: readonly { name: string }[]
}

export interface PartnershipsView {
  newHref: string
  hasPartnerships: boolean
  caption: string
  /** Each partnership, named with its description (if any) beneath, its members, and a link to change it. */
  table: Table
}

const HEAD: Table['head'] = [{ text: 'Name' }, { text: 'Members' }, actionsHeader()]

/** Every partnership, with its members in a sentence. */
export function partnershipsView(partnerships: readonly ListedPartnership[]): PartnershipsView {
  return {
    newHref: paths.admin.newPartnership,
    hasPartnerships: partnerships.length > 0,
    caption: plural(partnerships.length, 'partnership'),
    table: {
      head: HEAD,
      rows: partnerships.map(p => [
        rowHeader({ html: joinHtml([text(p.name), ...(p.description ? [secondaryLine(p.description)] : [])]) }),
        { text: p.members.map(m => m.name).join(', ') },
        { html: link(paths.admin.partnership(p.id), 'Change', p.name) },
      ]),
    },
  }
}

export interface PartnershipFormView {
  submitText: string
  descriptionMaxLength: number
  memberItems: { value: string; text: string }[]
  /** Where removing it posts to; null when adding a new one. */
  deleteAction: string | null
}

/** The form that adds a partnership, or with `editing` changes one. */
export function partnershipFormView(
  organisations: readonly { slug: string; name: string }[],
  editing: { id: number } | undefined,
): PartnershipFormView {
  return {
    submitText: editing ? 'Save changes' : 'Add partnership',
    descriptionMaxLength: DESCRIPTION_MAX_LENGTH,
    memberItems: organisations.map(o => ({ value: o.slug, text: o.name })),
    deleteAction: editing ? paths.admin.partnershipDelete(editing.id) : null,
  }
}
