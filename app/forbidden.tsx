import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="page">
      <header className="page-header">
        <h1>Admins only</h1>
        <p className="lede">
          Your account can search, view and chart, but this page is for Errata admins. <Link href="/">Back to search</Link>
        </p>
      </header>
    </main>
  );
}
