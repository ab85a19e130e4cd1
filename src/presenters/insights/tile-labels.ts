/**
 * Three-letter labels for the London Squared tiles, by GSS code: short enough to read inside a small
 * tile, and the abbreviations London's own tile maps use, so analysts recognise them at a glance.
 */
export const TILE_LABELS: Readonly<Record<string, string>> = {
  E09000001: 'CTY',
  E09000002: 'BAR',
  E09000003: 'BRN',
  E09000004: 'BXL',
  E09000005: 'BRT',
  E09000006: 'BRM',
  E09000007: 'CMD',
  E09000008: 'CRD',
  E09000009: 'EAL',
  E09000010: 'ENF',
  E09000011: 'GRN',
  E09000012: 'HCK',
  E09000013: 'HMS',
  E09000014: 'HRY',
  E09000015: 'HRW',
  E09000016: 'HVG',
  E09000017: 'HDN',
  E09000018: 'HNS',
  E09000019: 'ISL',
  E09000020: 'KNS',
  E09000021: 'KNG',
  E09000022: 'LBH',
  E09000023: 'LSH',
  E09000024: 'MRT',
  E09000025: 'NWM',
  E09000026: 'RDB',
  E09000027: 'RCH',
  E09000028: 'SWK',
  E09000029: 'STN',
  E09000030: 'TOW',
  E09000031: 'WTH',
  E09000032: 'WNS',
  E09000033: 'WST',
}

/** An authority added to the reference data later still gets a label: the first letters of its name. */
export const tileLabel = (gss: string, name: string): string =>
  TILE_LABELS[gss] ??
  name
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase()

/**
 * One step of the tile grid in SVG units, and the gap tiles leave so a weak or member tile's thick outline
 * stands clear; the London map and the clusters' small maps share them, so the two read alike.
 */
export const TILE_STEP = 60
export const TILE_GAP = 6
export const TILE_SIZE = TILE_STEP - TILE_GAP
