/** An error that already knows its HTTP status and a short machine-readable code for the API. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}
