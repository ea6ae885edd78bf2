// A tiny HTTP CONNECT proxy that tunnels the vendors' hostnames to the local mock server.
// Firefox has no --host-resolver-rules; pointing its proxy preference here gives the same effect
// (real hostnames, real TLS with SNI, any port such as Jamf's 8443) without root, without port
// 443 and without a test switch in the extension. Every other host is refused, so the browser
// under test never reaches the internet.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** Hosts Firefox asked for and was refused (telemetry, updates…): for diagnostics. */
  refused: Set<string>;
  close(): Promise<void>;
}

/** `patterns` are mock host patterns: exact names or a leading `*.` wildcard. */
export async function startConnectProxy(options: { patterns: string[]; targetPort: number; targetHost?: string }): Promise<ConnectProxy> {
  const targetHost = options.targetHost ?? '127.0.0.1';
  const allowed = (host: string) =>
    options.patterns.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
  const refused = new Set<string>();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > 16_384) client.destroy();
        return;
      }
      client.off('data', onData);
      const [requestLine] = head.subarray(0, end).toString('latin1').split('\r\n');
      const match = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]$/i.exec(requestLine ?? '');
      const host = match?.[1]?.toLowerCase();
      if (!match || !host || !allowed(host)) {
        if (host) refused.add(host);
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      // The mock server dispatches on the Host header, which still names the vendor (and port).
      const upstream = net.connect(options.targetPort, targetHost, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
