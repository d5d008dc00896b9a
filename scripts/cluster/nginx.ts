// nginx in front of the app servers: TLS with a self-signed certificate made for this run,
// round-robin over the app servers (no stickiness: the session is a signed JWT cookie every server
// reads with the shared NEXTAUTH_SECRET), the forwarding headers the app trusts from loopback
// (TRUST_PROXY, docs/decisions/011-trusted-proxies.md), and X-Served-By naming the app server
// that answered (the journey test reads it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { start, waitUntil, type Managed } from './processes';

export type Proxy = { url: string; certFile: string; process: Managed };

function certificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

function config(dir: string, port: number, appPorts: number[], tls: { cert: string; key: string }) {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  return `worker_processes 2;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
daemon off;
events { worker_connections 2048; }
http {
  access_log ${path.join(dir, 'access.log')} combined buffer=64k flush=1s;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  upstream triad {
${appPorts.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
    keepalive 64;
  }
  upstream triad_one {
    server 127.0.0.1:${appPorts[0]};
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${tls.cert};
    ssl_certificate_key ${tls.key};
    ssl_protocols TLSv1.2 TLSv1.3;
    client_max_body_size 2m;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-Host $http_host;
    add_header X-Served-By $upstream_addr always;
    # The live notification stream (server-sent events) must reach the browser as it is written.
    location /api/v1/notifications/stream {
      proxy_pass http://triad;
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
    # The first app server alone, behind the same TLS and proxying: the one-server side of the
    # throughput comparison (scripts/cluster-check.ts). Local cluster only.
    location /_one/ {
      proxy_pass http://triad_one/;
    }
    location / {
      proxy_pass http://triad;
    }
  }
}
`;
}

export async function startProxy(options: {
  dir: string;
  port: number;
  appPorts: number[];
}): Promise<Proxy> {
  const { dir, port } = options;
  mkdirSync(dir, { recursive: true });
  const tls = certificate(dir);
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, config(dir, port, options.appPorts, tls));
  const process = start(
    'nginx',
    '/usr/sbin/nginx',
    ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', file],
    {
      logFile: path.join(dir, 'stdout.log'),
    },
  );
  const url = `https://localhost:${port}`;
  await waitUntil(
    `nginx on port ${port}`,
    20,
    async () => {
      const net = await import('node:net');
      return new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    },
    process,
  );
  return { url, certFile: tls.cert, process };
}
