// A TCP proxy on loopback in front of a database that a test can freeze: while frozen, it
// forwards nothing either way (it keeps what arrives) and holds new connections, as a PostgreSQL
// stopped by SIGSTOP or a dead network would. `thaw` lets everything through again.
import net from 'node:net';

export type FreezableProxy = {
  port: number;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
};

export async function startFreezableProxy(target: {
  host: string;
  port: number;
}): Promise<FreezableProxy> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const flushes = new Set<() => void>();
  const pendingConnects: (() => void)[] = [];

  /** Forwards `from` to `to`, keeping the bytes while frozen. */
  function forward(from: net.Socket, to: net.Socket): () => void {
    const kept: Buffer[] = [];
    const flush = () => {
      for (const chunk of kept.splice(0)) to.write(chunk);
    };
    from.on('data', (chunk: Buffer) => {
      if (frozen) kept.push(chunk);
      else to.write(chunk);
    });
    return flush;
  }

  const server = net.createServer((client) => {
    sockets.add(client);
    const early: Buffer[] = [];
    const keepEarly = (chunk: Buffer) => early.push(chunk);
    client.on('data', keepEarly);
    const connect = () => {
      const upstream = net.connect(target.port, target.host);
      sockets.add(upstream);
      client.off('data', keepEarly);
      for (const chunk of early) upstream.write(chunk);
      flushes.add(forward(client, upstream));
      flushes.add(forward(upstream, client));
      const end = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    };
    client.on('error', () => client.destroy());
    if (frozen) pendingConnects.push(connect);
    else connect();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;

  return {
    port: address.port,
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const flush of flushes) flush();
      for (const connect of pendingConnects.splice(0)) connect();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
