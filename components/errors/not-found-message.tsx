import Link from "next/link";

export function NotFoundMessage() {
  return (
    <header className="page-header">
      <h1>Page not found</h1>
      <p className="lede">
        There is nothing at this address. <Link href="/">Search for a request</Link> or browse the{" "}
        <Link href="/codes">error codes</Link>.
      </p>
    </header>
  );
}
