import { NotFoundMessage } from "@/components/errors/not-found-message";

// Addresses that match no page at all; a dashboard page's own notFound() renders (dashboard)/not-found.tsx.
export default function NotFound() {
  return (
    <main id="main" className="page">
      <NotFoundMessage />
    </main>
  );
}
