// Loaded into the app under test with `node --expose-gc --require`: on SIGUSR2 it collects garbage fully
// and says how much heap is still in use, so a leak check compares live objects, not how lazily V8 collects.
/* global global */
process.on('SIGUSR2', () => {
  global.gc()
  global.gc()
  const { heapUsed, external } = process.memoryUsage()
  const mb = bytes => Math.round((bytes / 1048576) * 10) / 10
  process.stderr.write(`heap-probe ${JSON.stringify({ heapUsedMb: mb(heapUsed), externalMb: mb(external) })}\n`)
})
