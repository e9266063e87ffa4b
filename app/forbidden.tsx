import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-2xl font-semibold">403 — Not allowed</h1>
      <p className="mt-3 text-neutral-700">Your role does not give you access to this page. Ask an admin if you need it.</p>
      <Link className="mt-6 inline-block text-blue-700 underline" href="/wires">
        Back to the newsroom
      </Link>
    </main>
  );
}
