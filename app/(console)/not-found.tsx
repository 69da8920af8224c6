import { NotFoundMessage } from "@/components/shell/not-found-message";

// Inside the shell, so a signed-in user keeps the navigation and the account menu on a 404.
export default function ConsoleNotFound() {
  return <NotFoundMessage className="flex flex-col items-center justify-center gap-4 py-24 text-center" />;
}
