/** An assessor's moderated level for one question, with the reason for it. */
export interface Moderation {
  questionKey: string
  level: number
  rationale: string | null
  assessor: { id: number; name: string } | null
  revision: number
  updatedAt: Date
}
