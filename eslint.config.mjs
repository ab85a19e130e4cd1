import eslint from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

// Layers. Each folder of src says which other folders it may not import, and what to do instead.
// no-restricted-imports patterns are matched against the import as written, so a relative pattern has to know how
// deep the importing file sits: a file in src/routes/ reaches src/data as '../data', one in src/routes/api/ as
// '../../data'. layerBlocks writes one block per depth. `import type` and `export … from` are caught too.
const DEPTHS = [1, 2, 3, 4]

/** An import, relative from a file `depth` folders below src/, that lands in one of src/<folders>. */
const intoSrc = (depth, folders) => `^(\\.\\./){${depth}}(\\.\\./src/)?(${folders.join('|')})(/|\\.[jt]s$|$)`

const DATABASE = {
  regex: '^(knex|knex-pglite|pg|@electric-sql/.*)(/|$)',
  message:
    'Only src/data (the repositories) and src/db talk to the database: call a repository function through a service in src/services/<area>/ instead (add one to src/data if none fits).',
}
// Where the database may be imported directly; everywhere else DATABASE applies.
const DATABASE_HOMES = [
  'src/data/**',
  'src/db/**',
  'src/cli/**',
  'knexfile.ts',
  'migrations/**',
  'seeds/**',
  'scripts/**',
  'test/**',
]

// What src/domain may import from outside itself: pure parsing and validation libraries, nothing with I/O.
const DOMAIN_PACKAGES = ['ajv', 'ajv/dist/2020', 'ajv-formats', 'csv-parse/sync', 'csv-stringify/sync']
const escape = name => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

const LAYERS = {
  domain: depth => [
    {
      regex: `^(\\.\\.(/|$)){${depth}}`,
      message:
        'src/domain is pure logic and imports only from src/domain: take what you need as a parameter instead (the service that calls it can fetch it), or move the pure part into src/domain.',
    },
    {
      regex: `^(?!\\.|(${DOMAIN_PACKAGES.map(escape).join('|')})$)`,
      message: `src/domain is pure logic: no framework, database, file or network package (it may use ${DOMAIN_PACKAGES.join(', ')}). Do the I/O in a service under src/services and pass the result in instead.`,
    },
  ],
  routes: depth => [
    {
      regex: intoSrc(depth, ['data', 'db']),
      message:
        'Routes do not touch repositories or the database: call a function in src/services/<area>/ instead (add one there if none fits).',
    },
    DATABASE,
  ],
  middleware: depth => [
    {
      regex: intoSrc(depth, ['routes', 'data']),
      message:
        'Middleware runs beneath every route and must not depend on one, nor reach past the services: import URLs from src/paths.ts and logic from src/services or src/domain instead, or move the shared piece into src/middleware.',
    },
    DATABASE,
  ],
  services: depth => [
    {
      regex: intoSrc(depth, ['routes', 'presenters', 'middleware']),
      message:
        'Services are use cases, called by routes, the command line and the bench alike: take what you need as a parameter and return data instead; how it is shown belongs in src/presenters, how it is asked for in src/routes.',
    },
    {
      regex: '^express(/|$)',
      message:
        'Services know nothing of HTTP: take plain values as parameters instead, and throw the errors in src/domain/errors.ts.',
    },
    DATABASE,
  ],
  data: depth => [
    {
      regex: intoSrc(depth, ['services', 'routes', 'presenters', 'middleware']),
      message:
        'Repositories sit beneath services, routes, presenters and middleware: take what you need as a parameter, or move the shared type or rule into src/domain instead.',
    },
  ],
  presenters: depth => [
    {
      regex: intoSrc(depth, ['routes', 'data', 'db', 'middleware']),
      message:
        'Presenters are pure view-model functions: take the data as a parameter (the route gets it from a service), import URLs from src/paths.ts and rules from src/domain instead.',
    },
    DATABASE,
  ],
}

const layerBlocks = () =>
  Object.entries(LAYERS).flatMap(([layer, patterns]) =>
    DEPTHS.map(depth => ({
      name: `layers/${layer}/depth-${depth}`,
      files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: patterns(depth) }] },
    })),
  )

// Size limits: a file that outgrows them is split by use case (see CONTRIBUTING.md), not given an exception.
const SIZE_LIMITS = {
  name: 'size-limits',
  files: ['src/**/*.ts'],
  rules: {
    'max-lines': ['error', { max: 300 }],
    'max-lines-per-function': ['error', { max: 80 }],
  },
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/build/', 'coverage/', 'data/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Express route handlers are async; Express 5 sends their rejections to the error handler.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      'no-console': 'error',
    },
  },
  // A later block's no-restricted-imports replaces an earlier one's, so each layer block repeats DATABASE itself.
  {
    name: 'layers/database',
    files: ['**/*.ts'],
    ignores: DATABASE_HOMES,
    rules: { 'no-restricted-imports': ['error', { patterns: [DATABASE] }] },
  },
  ...layerBlocks(),
  SIZE_LIMITS,
  {
    files: ['test/**/*.ts'],
    // supertest bodies, raw knex rows and jest's asymmetric matchers are typed any; tests assert their shape.
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'public/js/**/*.js', '*.config.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        module: 'writable',
        require: 'readonly',
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        URL: 'readonly',
      },
    },
  },
  prettier,
)
