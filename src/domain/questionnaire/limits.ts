/** The largest definition file or pasted text taken; the shipped ones are under 100 KB. */
export const MAX_DEFINITION_BYTES = 1024 * 1024
