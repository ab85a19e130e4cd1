import type { FormErrors } from '../form-errors'
import type { ItemView } from './heatmap-page.presenter'

export interface ClustersInputView {
  name: string
  value: string
  inputmode: string
  classes: string
  label: string
  hint: string
  errorMessage?: string
}

export interface ClustersControlsView {
  /** The level, parent and order the links chose, kept only where they are not the defaults. */
  hidden: { name: string; value: string }[]
  partnership: { value: string; items: ItemView[]; errorMessage?: string }
  inputs: ClustersInputView[]
  basis: { value: string; errorMessage?: string }
}

const DEFAULTS: [string, string][] = [
  ['level', 'dimension'],
  ['parent', ''],
  ['order', 'name'],
]

const INPUTS: [name: string, label: string, hint: string, classes: string][] = [
  ['threshold', 'Weak threshold', 'From 1 to 5', 'govuk-input--width-4'],
  ['minSize', 'Fewest organisations', 'For a shared weakness', 'govuk-input--width-3'],
  ['k', 'Peer groups', 'How many to make', 'govuk-input--width-3'],
]

/** The clusters controls, filled in with what the analyst chose or typed, each with its message. */
export function clustersControlsView(
  values: Readonly<Record<string, string>>,
  partnerships: readonly { id: number; name: string }[],
  errors?: FormErrors,
): ClustersControlsView {
  const fieldError = (name: string) => errors?.fields[name]
  return {
    hidden: DEFAULTS.flatMap(([name, fallback]) => {
      const value = values[name]
      return value && value !== fallback ? [{ name, value }] : []
    }),
    partnership: {
      value: values.partnership ?? '',
      items: [{ value: '', text: 'All organisations' }, ...partnerships.map(p => ({ value: p.id, text: p.name }))],
      errorMessage: fieldError('partnership'),
    },
    inputs: INPUTS.map(([name, label, hint, classes]) => ({
      name,
      value: values[name] ?? '',
      inputmode: name === 'threshold' ? 'decimal' : 'numeric',
      classes,
      label,
      hint,
      errorMessage: fieldError(name),
    })),
    basis: { value: values.basis || 'final', errorMessage: fieldError('basis') },
  }
}
