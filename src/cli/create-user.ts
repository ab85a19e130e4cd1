import { bootstrap } from '../bootstrap'
import { loadConfig } from '../config'
import { absoluteUrl, paths } from '../paths'
import { parseArgs, runCli, UsageError } from './run-cli'

const USAGE = `Usage: npm run user:create -- --email EMAIL --role admin|analyst|assessor|respondent
         [--name "Full Name"] [--organisation SLUG] [--password-stdin]

Without --password-stdin it prints a one-time link, valid for 7 days, for the person to set a password.
With --password-stdin it reads the password from standard input (it never belongs on the command line).`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

runCli(async () => {
  const { values, flags } = parseArgs(
    process.argv.slice(2),
    { values: ['email', 'role', 'name', 'organisation'], flags: ['password-stdin'] },
    USAGE,
  )
  if (!values.email || !values.role) throw new UsageError(USAGE)
  const config = loadConfig()
  // The first admin of a production database must not arrive with demo accounts beside it.
  const runtime = await bootstrap({ ...config, demoData: false })
  try {
    const form = {
      email: values.email,
      role: values.role,
      name: values.name ?? values.email.split('@')[0],
      organisation: values.organisation ?? '',
    }
    if (flags.has('password-stdin')) {
      const user = await runtime.services.users.get(
        await runtime.services.users.createWithPassword(form, await readStdin()),
      )
      process.stdout.write(`Created ${user.role} ${user.email}. They can sign in now.\n`)
    } else {
      const { token, expiresAt, userId } = await runtime.services.users.invite(form, null)
      const user = await runtime.services.users.get(userId)
      process.stdout.write(
        `Created ${user.role} ${user.email}.\n` +
          `Send them this link to set their password (it works once, until ${expiresAt.toISOString()}):\n` +
          `  ${absoluteUrl(config.publicUrl, paths.invitation(token))}\n`,
      )
    }
  } finally {
    await runtime.database.close()
  }
})
