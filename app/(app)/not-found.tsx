import { NotFoundMessage } from '@/components/layout/not-found-message';

export default function SignedInNotFound() {
  return (
    <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <NotFoundMessage />
    </div>
  );
}
