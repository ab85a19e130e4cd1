import { connect, createServer, type Server, type Socket } from 'node:net'

/**
 * A TCP proxy between the app and PostgreSQL that can cut the network: every open connection is reset,
 * as a failover does, and new ones are accepted but never answered, as when the address points at a
 * host that is gone. Nothing else on the machine is disturbed.
 */
export class NetworkCut {
  private readonly open = new Set<Socket>()
  private cut = false

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async between(target: { host: string; port: number }): Promise<NetworkCut> {
    const server = createServer()
    const proxy = await new Promise<NetworkCut>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        resolve(new NetworkCut(server, typeof address === 'object' && address ? address.port : 0))
      })
    })
    server.on('connection', client => proxy.accept(client, target))
    return proxy
  }

  private track(socket: Socket): void {
    this.open.add(socket)
    socket.on('error', () => socket.destroy())
    socket.on('close', () => this.open.delete(socket))
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    this.track(client)
    if (this.cut) return // held open, never answered
    const upstream = connect(target.port, target.host)
    this.track(upstream)
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  }

  /** A URL like `url` that goes through this proxy. */
  url(url: string): string {
    const through = new URL(url)
    through.hostname = '127.0.0.1'
    through.port = String(this.port)
    return through.toString()
  }

  disconnect(): void {
    this.cut = true
    for (const socket of this.open) socket.resetAndDestroy()
  }

  reconnect(): void {
    this.cut = false
    for (const socket of this.open) socket.destroy()
  }

  async close(): Promise<void> {
    this.reconnect()
    await new Promise(resolve => this.server.close(resolve))
  }
}
