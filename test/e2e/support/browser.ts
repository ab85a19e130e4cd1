import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../../support/test-app'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The real app on a real port, and Debian's Chromium to drive it. */
export interface E2eApp {
  baseUrl: string
  testApp: TestApp
  /** A new signed-out tab in its own browser context (own cookies). */
  newPage(): Promise<Page>
  close(): Promise<void>
}

/** Launches Chromium; a missing browser is a failure, never a reason to skip. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: run apt-get install -y chromium, or set CHROMIUM_PATH`,
    )
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function stop(server: http.Server): Promise<void> {
  server.closeAllConnections()
  return new Promise(resolve => server.close(() => resolve()))
}

/** Builds the app with createTestApp(env) (PGlite, or PostgreSQL when TEST_DATABASE_URL is set) and serves it. */
export async function startE2eApp(env: Record<string, string> = {}): Promise<E2eApp> {
  const testApp = await createTestApp(env)
  const server = http.createServer(testApp.app)
  let browser: Browser
  try {
    const port = await listen(server)
    browser = await launchChromium()
    const baseUrl = `http://127.0.0.1:${port}`
    return {
      baseUrl,
      testApp,
      async newPage() {
        // bypassCSP only so axe-core can be injected: the app's CSP rightly forbids inline script.
        const context = await browser.newContext({ baseURL: baseUrl, bypassCSP: true })
        return context.newPage()
      },
      async close() {
        await browser.close()
        await stop(server)
        await testApp.close()
      },
    }
  } catch (error) {
    if (server.listening) await stop(server)
    await testApp.close()
    throw error
  }
}
