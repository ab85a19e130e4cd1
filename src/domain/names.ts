/**
 * Alphabetical order as a British reader expects it. One collator, made once: `localeCompare` with a
 * locale builds one per call, which made sorting 10,000 organisation names take longer than scoring them.
 */
export const byBritishName: (a: string, b: string) => number = new Intl.Collator('en-GB').compare
