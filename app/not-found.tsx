import { Brand } from '@/components/layout/brand';
import { NotFoundMessage } from '@/components/layout/not-found-message';

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-8 px-4 py-12">
      <Brand />
      <main
        id="main"
        className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm"
      >
        <NotFoundMessage />
      </main>
    </div>
  );
}
