// How every page and message writes counts: "1 partnership", "2 partnerships", "0 partnerships", "1,250 answers".

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })

/** A whole number with thousands separators: 1,250. */
export const wholeNumber = (n: number): string => WHOLE.format(n)

/** The noun for a count, without the count: 'partnership' for 1, 'partnerships' for anything else. */
export const noun = (count: number, singular: string, plural = `${singular}s`): string =>
  count === 1 ? singular : plural

/** "1 partnership", "2 partnerships", "0 partnerships"; give the plural when adding an s is wrong. */
export const plural = (count: number, singular: string, pluralForm?: string): string =>
  `${wholeNumber(count)} ${noun(count, singular, pluralForm)}`
