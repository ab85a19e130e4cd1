import { paths } from '../../../src/paths'
import { entriesOf, entryForm } from '../../support/pipeline'
import { createTestApp, signIn, type Agent, type TestApp } from '../../support/test-app'

/* Deleting a pipeline entry cannot be undone: only its check page posts to it, and opening that page changes nothing. */

let t: TestApp
let camden: { agent: Agent; csrf: string }

beforeAll(async () => {
  t = await createTestApp()
  camden = await signIn(t.app, (await t.createUser('respondent', { organisation: 'camden' })).email)
})
afterAll(() => t.close())

const post = (path: string, fields: Record<string, string>) =>
  camden.agent
    .post(path)
    .type('form')
    .send({ _csrf: camden.csrf, ...fields })

describe('deleting a pipeline entry', () => {
  it('is a link from the pipeline and the entry, to a check page that changes nothing, whose button deletes it', async () => {
    await post(paths.pipelineNew, entryForm({ currentSystem: 'Checked first' })).expect(302)
    const entry = (await entriesOf(t, 'camden')).find(e => e.currentSystem === 'Checked first')!
    const href = paths.pipelineDelete(entry.id)

    const list = await camden.agent.get(paths.pipeline).expect(200)
    expect(list.text).toContain(`href="${href}"`)
    for (const page of [list, await camden.agent.get(paths.pipelineEntry(entry.id)).expect(200)]) {
      expect(page.text).not.toContain(`action="${href}"`)
    }

    const check = await camden.agent.get(href).expect(200)
    expect(check.text).toContain('A deleted entry cannot be brought back')
    expect(check.text).toMatch(
      new RegExp(
        `<form method="post" action="${href}"[\\s\\S]*?Delete entry</button>[\\s\\S]*?href="${paths.pipeline}">Cancel</a>`,
      ),
    )
    expect(await t.repos.pipeline.findById(entry.id)).toMatchObject({ currentSystem: 'Checked first', revision: 1 })
    expect((await t.repos.audit.forEntity('pipeline_entry', entry.id)).map(e => e.action)).toEqual([
      'pipeline_entry.created',
    ])

    await post(href, { revision: '1' }).expect(302)
    expect(await t.repos.pipeline.findById(entry.id)).toBeUndefined()
  })
})
