import express from 'express'
import request from 'supertest'
import { mountRoutes, route } from '../../src/routes/route-table'

// The route table is split by first path segment; a request must land exactly where it did before.
const app = express()
mountRoutes(app, [
  route('get', '/', 'public', (_req, res) => void res.send('home')),
  route('get', '/rounds/:id', 'public', (req, res) => void res.send(`round ${String(req.params.id)} at ${req.path}`)),
  route('post', '/rounds/:id', 'public', (_req, res) => void res.send('posted')),
  route('get', '/rounds/:id/heatmap', 'public', (req, res) => void res.send(`heatmap ${String(req.params.id)}`)),
  route('get', '/login', 'public', (_req, res) => void res.send('login')),
])
app.use((_req, res) => void res.status(404).send('not found'))

it('finds each route by its whole path, in any case and with a trailing slash, as Express did', async () => {
  await request(app).get('/').expect(200, 'home')
  await request(app).get('/rounds/7').expect(200, 'round 7 at /rounds/7')
  await request(app).post('/rounds/7').expect(200, 'posted')
  await request(app).get('/rounds/7/heatmap').expect(200, 'heatmap 7')
  await request(app).get('/Rounds/7/Heatmap/').expect(200, 'heatmap 7')
  await request(app).get('/login').expect(200, 'login')
})

it('leaves every other path, and every other method, to what comes after', async () => {
  await request(app).get('/nowhere').expect(404, 'not found')
  await request(app).get('/rounds/7/trend').expect(404, 'not found')
  await request(app).delete('/rounds/7').expect(404, 'not found')
})

it('refuses at start a route whose first segment is not fixed text', () => {
  expect(() =>
    mountRoutes(express(), [route('get', '/:slug/report', 'public', (_req, res) => void res.end())]),
  ).toThrow('Route /:slug/report: its first segment must be fixed text')
})
