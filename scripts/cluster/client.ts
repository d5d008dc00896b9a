// A browser's worth of HTTPS for the cluster scripts: trusts the run's self-signed certificate
// (global fetch cannot be given one), keeps cookies, and signs in as a person does, through
// next-auth's credentials form (CSRF token, then the callback).
import { readFileSync } from 'node:fs';
import https from 'node:https';

export type Answer = {
  status: number;
  headers: Record<string, string>;
  text: string;
  // The scripts read a few fields of answers whose shape the API's schemas fix.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: () => any;
};

export class ClusterClient {
  private readonly cookies = new Map<string, string>();
  private readonly agent: https.Agent;

  constructor(
    readonly origin: string,
    certFile: string,
  ) {
    this.agent = new https.Agent({ ca: readFileSync(certFile), keepAlive: true });
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  request(
    method: string,
    path: string,
    options: { body?: unknown; form?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<Answer> {
    const body = options.form
      ? new URLSearchParams(options.form).toString()
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body);
    const headers: Record<string, string> = { cookie: this.cookieHeader, origin: this.origin };
    if (body !== undefined)
      headers['content-type'] = options.form
        ? 'application/x-www-form-urlencoded'
        : 'application/json';
    return new Promise((resolve, reject) => {
      const request = https.request(
        new URL(path, this.origin),
        { method, headers, agent: this.agent, timeout: options.timeoutMs ?? 10_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            this.keepCookies(response.headers['set-cookie'] ?? []);
            const text = Buffer.concat(chunks).toString();
            const flat = Object.fromEntries(
              Object.entries(response.headers).map(([k, v]) => [k, String(v)]),
            );
            resolve({
              status: response.statusCode ?? 0,
              headers: flat,
              text,
              json: () => JSON.parse(text),
            });
          });
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
      request.on('error', reject);
      request.end(body);
    });
  }

  private keepCookies(setCookies: string[]) {
    for (const line of setCookies) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  /** Signs in with email and password through next-auth; throws unless a session cookie came back. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request('GET', '/api/auth/csrf');
    if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    const answer = await this.request('POST', '/api/auth/callback/credentials', {
      form: { csrfToken: csrf.json().csrfToken, email, password, json: 'true' },
    });
    const session = [...this.cookies.keys()].some((name) =>
      name.endsWith('next-auth.session-token'),
    );
    if (!session)
      throw new Error(
        `signing in as ${email} failed (${answer.status}): ${answer.text.slice(0, 200)}`,
      );
  }
}
