/**
 * How concentrated the supply of one kind of system is across London. Shares are of AUTHORITIES: each
 * authority running anything in the category weighs one, split equally among the distinct suppliers it
 * runs there (two suppliers: a half each; two products of one supplier: that supplier's whole). So the
 * shares always sum to 1, and merging two suppliers never lowers the index. A supplier's `authorities`
 * counts, in full, every authority running at least one of its products there.
 *
 * (Shares of authority-supplier pairs would also sum to 1, but merging two suppliers that the same
 * authorities both run removes pairs, and can LOWER the index: a concentration measure must not fall
 * when two rivals become one.)
 */

/** Above this Herfindahl–Hirschman index a market is highly concentrated (as competition authorities say). */
export const HIGHLY_CONCENTRATED = 2500

export interface SupplierUse {
  /** The authority (id or GSS code). */
  authority: string | number
  supplierId: number
}

export interface SupplierShare {
  supplierId: number
  /** Authorities running at least one of its products in the category. */
  authorities: number
  /** Its part of the authorities, each authority split among its suppliers: 0 to 1. */
  share: number
}

export interface Concentration {
  /** Distinct authorities running any system in the category. */
  authorities: number
  /** Biggest share first, then by supplier id. */
  suppliers: SupplierShare[]
  /** Sum of squared percentage shares, 0 to 10,000; 0 when nobody runs anything. */
  hhi: number
  highlyConcentrated: boolean
}

/** Herfindahl–Hirschman index of fractional shares: shares 0.5, 0.3, 0.2 give 2500 + 900 + 400 = 3800. */
export function hhi(shares: readonly number[]): number {
  return shares.reduce((sum, s) => sum + (s * 100) ** 2, 0)
}

export function concentration(uses: readonly SupplierUse[]): Concentration {
  const byAuthority = new Map<string | number, Set<number>>()
  for (const u of uses) {
    const set = byAuthority.get(u.authority) ?? new Set()
    set.add(u.supplierId)
    byAuthority.set(u.authority, set)
  }
  const weight = new Map<number, { authorities: number; weight: number }>()
  for (const suppliers of byAuthority.values()) {
    for (const supplierId of suppliers) {
      const w = weight.get(supplierId) ?? { authorities: 0, weight: 0 }
      weight.set(supplierId, { authorities: w.authorities + 1, weight: w.weight + 1 / suppliers.size })
    }
  }
  const total = byAuthority.size
  const suppliers = [...weight]
    .map(([supplierId, w]) => ({ supplierId, authorities: w.authorities, share: w.weight / total }))
    .sort((a, b) => b.share - a.share || b.authorities - a.authorities || a.supplierId - b.supplierId)
  // Rounded to a hundredth so floating-point noise never moves a market across the threshold.
  const index = Math.round(hhi(suppliers.map(s => s.share)) * 100) / 100
  return { authorities: total, suppliers, hhi: index, highlyConcentrated: index > HIGHLY_CONCENTRATED }
}
