import { questionnaireExampleText } from '../../../../seeds/questionnaires'
import schema from '../../../domain/questionnaire/questionnaire.schema.json'

export interface Download {
  filename: string
  contentType: string
  body: string
}

const JSON_TYPE = 'application/json; charset=utf-8'

/** A small definition that passes every check, to start a new questionnaire from. */
export const definitionExample = (): Download => ({
  filename: 'questionnaire-example.json',
  contentType: JSON_TYPE,
  body: questionnaireExampleText(),
})

/** The JSON Schema (2020-12) every upload is checked against, before the rules a schema cannot say. */
export const definitionSchema = (): Download => ({
  filename: 'questionnaire.schema.json',
  contentType: JSON_TYPE,
  body: `${JSON.stringify(schema, null, 2)}\n`,
})
