import type { Table } from '../export-rows'
import { ROUTE_LABELS, STATUS_LABELS, VALUE_BAND_LABELS, type EntryContent } from './entry'

/** An entry as the export writes it: with whose it is and its category's name. */
export interface ExportedEntry extends EntryContent {
  id: number
  organisation: { gss: string; name: string }
  categoryName: string
  updatedAt: Date
}

export const PIPELINE_HEADERS = [
  'Entry',
  'GSS code',
  'Organisation',
  'Category',
  'Current system',
  'Supplier',
  'Contract end',
  'Planned start',
  'Route',
  'Value band',
  'Status',
  'Maturity area',
  'Notes',
  'Shareable with other boroughs',
  'Last updated',
]

/**
 * One row per entry, with the words people chose from rather than stored codes, and dates as
 * YYYY-MM-DD, which every spreadsheet reads as a date whatever its locale.
 */
export function pipelineTable(entries: readonly ExportedEntry[]): Table {
  return {
    headers: PIPELINE_HEADERS,
    rows: entries.map(e => [
      e.id,
      e.organisation.gss,
      e.organisation.name,
      e.categoryName,
      e.currentSystem,
      e.supplier,
      e.contractEnd,
      e.plannedStart,
      ROUTE_LABELS[e.route],
      VALUE_BAND_LABELS[e.valueBand],
      STATUS_LABELS[e.status],
      e.addresses,
      e.notes,
      e.shareable ? 'Yes' : 'No',
      e.updatedAt.toISOString(),
    ]),
  }
}
