import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

// The brand mark inline, so no icon file has to be served (and no /favicon.ico 404).
const brandMark =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="#0f766e">' +
  '<circle cx="12" cy="6" r="4"/><circle cx="6" cy="17" r="4" opacity=".7"/>' +
  '<circle cx="18" cy="17" r="4" opacity=".45"/></svg>';

export const metadata: Metadata = {
  title: { default: 'Triad', template: '%s · Triad' },
  description: 'Collaborative behavioral-health care',
  icons: { icon: `data:image/svg+xml,${encodeURIComponent(brandMark)}` },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // The page may reach under a phone's rounded corners and home indicator; the patient's tab bar
  // keeps its links above the indicator with env(safe-area-inset-bottom).
  viewportFit: 'cover',
  themeColor: '#ffffff',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next can then put this request's CSP nonce on its scripts
  // (proxy.ts), and no patient data is ever cached in a prerendered page.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
