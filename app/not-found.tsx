import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-neutral-700">There is nothing at this address.</p>
      <Link className="mt-6 inline-block text-blue-700 underline" href="/">
        Go to Factdesk
      </Link>
    </main>
  );
}
