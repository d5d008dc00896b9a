/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    'rate-limiter-flexible',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
  ],
};

export default nextConfig;
