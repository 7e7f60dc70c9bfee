import { AddressInfo, createServer, Server, Socket } from 'node:net';

type Mode = 'open' | 'cut' | 'frozen';

interface Pair {
  client: Socket;
  server?: Socket;
}

/**
 * A TCP proxy between an app and its PostgreSQL, owned by a test: it forwards everything until the
 * test makes the database go away, either `cut()` (connections refused, open ones dropped: the server is
 * down) or `freeze()` (connections accepted but nothing forwarded either way, on new and open ones
 * alike: a server that hangs), and `restore()` (the server is back; held connections are dropped, as a
 * restarted server would have lost them) or `thaw()` (the hung server carries on).
 */
export class DatabaseProxy {
  private mode: Mode = 'open';
  private readonly pairs = new Set<Pair>();
  /** Connections the proxy accepted while cut or frozen (the app tried to reach the database). */
  attemptsWhileAway = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  /** A proxy on 127.0.0.1 for the database at `url`; `url` gives the same database through the proxy. */
  static async start(databaseUrl: string): Promise<{ proxy: DatabaseProxy; url: string }> {
    const target = new URL(databaseUrl);
    const server = createServer();
    const proxy = new DatabaseProxy(server, { host: target.hostname, port: Number(target.port || 5432) });
    server.on('connection', (socket) => proxy.accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxied = new URL(databaseUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String((server.address() as AddressInfo).port);
    return { proxy, url: proxied.toString() };
  }

  /** The database is down: refuse new connections, drop the open ones. */
  cut(): void {
    this.mode = 'cut';
    for (const pair of this.pairs) this.drop(pair);
  }

  /** The database hangs: accept connections and forward nothing, on the open ones too. */
  freeze(): void {
    this.mode = 'frozen';
    for (const pair of this.pairs) {
      if (!pair.server) continue;
      pair.client.unpipe(pair.server);
      pair.server.unpipe(pair.client);
      pair.client.pause();
      pair.server.pause();
    }
  }

  /** The hung database answers again: the open connections carry on where they stopped (and new ones are forwarded). */
  thaw(): void {
    this.mode = 'open';
    for (const pair of this.pairs) {
      if (!pair.server) {
        this.drop(pair);
        continue;
      }
      pair.client.pipe(pair.server);
      pair.server.pipe(pair.client);
    }
  }

  /** The database is back: connections held while away are dropped, new ones are forwarded. */
  restore(): void {
    this.mode = 'open';
    for (const pair of this.pairs) this.drop(pair);
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode !== 'open') this.attemptsWhileAway++;
    if (this.mode === 'cut') {
      client.destroy();
      return;
    }
    const pair: Pair = { client };
    this.pairs.add(pair);
    client.on('close', () => this.drop(pair));
    if (this.mode === 'frozen') return;
    const server = new Socket();
    pair.server = server;
    server.on('error', () => undefined);
    server.on('close', () => this.drop(pair));
    server.connect(this.target.port, this.target.host, () => {
      client.pipe(server);
      server.pipe(client);
    });
  }

  private drop(pair: Pair): void {
    this.pairs.delete(pair);
    pair.client.destroy();
    pair.server?.destroy();
  }
}
