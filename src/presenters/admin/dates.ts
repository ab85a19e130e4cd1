/** How the admin and account pages write dates and times, all in London. */

/** A calendar date, 'YYYY-MM-DD', as people write it: 1 March 2026. */
export function longDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`)
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/** A moment in full: 1 March 2026 at 14:05. */
export const longDateTime = (d: Date): string =>
  d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' })

/** A moment in short, or 'Never' when there is none: 1 Mar 2026, 14:05. */
export const mediumDateTime = (d: Date | null): string =>
  d ? d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : 'Never'

/** A day in short: 1 Mar 2026. */
export const mediumDate = (d: Date): string =>
  d.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' })
