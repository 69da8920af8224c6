import { NotFoundMessage } from "@/components/shell/not-found-message";

export default function NotFound() {
  return (
    <main>
      <NotFoundMessage className="flex min-h-svh flex-col items-center justify-center gap-4 p-6 text-center" />
    </main>
  );
}
