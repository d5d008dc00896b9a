'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/status-message';

/** A read-only value with a "Copy" button; says whether copying worked. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied.');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): let them copy by hand.
      inputRef.current?.select();
      setStatus(
        'Copying did not work here. The link is selected: press Ctrl+C (or ⌘C) to copy it.',
      );
    }
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono text-sm`}
        />
        <Button variant="primary" onClick={() => void copy()} className="shrink-0">
          Copy link
        </Button>
      </div>
      <StatusMessage>{status}</StatusMessage>
    </div>
  );
}
