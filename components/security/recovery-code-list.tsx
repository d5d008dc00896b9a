'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/status-message';

/** The recovery codes once, with ways to keep them: download as a text file, or print. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const [status, setStatus] = useState('');

  function download() {
    const text = [
      'Triad recovery codes',
      'Each code signs you in once in place of your authenticator app.',
      '',
      ...codes,
      '',
    ].join('\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'triad-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
    setStatus('Downloaded triad-recovery-codes.txt.');
  }

  return (
    <div className="space-y-4">
      <ol
        aria-label="Recovery codes"
        className="grid max-w-md grid-cols-1 gap-2 font-mono text-base text-slate-900 sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-slate-100 px-3 py-2" data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      <p className="max-w-prose text-sm text-slate-600">
        Keep them somewhere safe and apart from your phone, such as a password manager or a printed
        page in a locked drawer.
      </p>
      <div className="flex flex-wrap gap-3 print:hidden">
        <Button variant="secondary" onClick={download}>
          Download as text
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
