export default function Loading() {
  return (
    <p className="empty" aria-busy="true">
      Loading the request…
    </p>
  );
}
