// Compiles public/scss/app.scss (GOV.UK Frontend with our own font settings) to public/build/app.css.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const result = sass.compile(path.join(root, 'public/scss/app.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter(root)],
  quietDeps: true,
  silenceDeprecations: ['import'],
})
fs.mkdirSync(path.join(root, 'public/build'), { recursive: true })
fs.writeFileSync(path.join(root, 'public/build/app.css'), result.css)
process.stdout.write(`Built public/build/app.css (${Math.round(result.css.length / 1024)} KiB)\n`)
