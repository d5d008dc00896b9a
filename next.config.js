/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build beside the first (e.g. parallel browser-test runs) may use another folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm run check` (tsc --noEmit, the test command's first step) typechecks the whole project,
  // tests and scripts included; the build's own pass over the app alone took 20-25 s of every
  // browser-test run.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    'pg-boss',
    'prom-client',
    'nodemailer',
    'rate-limiter-flexible',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
  ],
  // SECURITY: headers for every response, static files included. The Content-Security-Policy
  // (with its per-request nonce) and HSTS are set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          {
            key: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
          },
        ],
      },
    ];
  },
};

export default nextConfig;
