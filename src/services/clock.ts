/** Services are handed the time, so tests can move it forward instead of waiting. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()
