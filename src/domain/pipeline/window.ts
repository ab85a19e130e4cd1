/**
 * Date windows for the pipeline, on calendar dates ('YYYY-MM-DD') so time zones never move an entry in
 * or out. Adding months clamps to the month's end, as people count: 31 January plus one month is the
 * last day of February (29th in a leap year).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1)}-${pad(Math.min(day, lastDay))}`
}

export interface DateWindow {
  /** Both ends inclusive. */
  from: string
  to: string
}

/** From today to the same day `months` later, both days included. */
export function windowFrom(today: string, months: number): DateWindow {
  return { from: today, to: addMonths(today, months) }
}

export const inWindow = (date: string | null, window: DateWindow): boolean =>
  date !== null && date >= window.from && date <= window.to

/** An entry falls in a window when its contract ends or its work starts inside it; one without dates never does. */
export const entryInWindow = (
  entry: { contractEnd: string | null; plannedStart: string | null },
  window: DateWindow,
): boolean => inWindow(entry.contractEnd, window) || inWindow(entry.plannedStart, window)

/** The calendar quarter of a date, e.g. '2027 Q1' for January to March 2027. */
export function quarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return `${year} Q${Math.floor((month - 1) / 3) + 1}`
}

/** Every quarter a window touches, in order, so a timeline shows empty quarters too. */
export function quartersIn(window: DateWindow): string[] {
  const quarters: string[] = []
  // A window that ends before it starts holds no days, so no quarters either.
  if (window.to < window.from) return quarters
  for (let date = `${window.from.slice(0, 7)}-01`; date <= window.to; date = addMonths(date, 3)) {
    const quarter = quarterOf(date)
    if (!quarters.includes(quarter)) quarters.push(quarter)
  }
  const last = quarterOf(window.to)
  if (!quarters.includes(last)) quarters.push(last)
  return quarters
}
