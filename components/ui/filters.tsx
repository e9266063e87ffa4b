import Link from "next/link";
import type { ReactNode } from "react";
import { CONTROL } from "./control";

/**
 * A list page's filter bar: a GET form, so a filtered view is a URL to share and reload. "Clear"
 * goes back to `clearHref` (shown only when `showClear`, where the page knows nothing is filtered).
 */
export function FilterForm({ label, clearHref, showClear = true, children }: { label: string; clearHref: string; showClear?: boolean; children: ReactNode }) {
  return (
    <form role="search" aria-label={label} method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      {children}
      <button type="submit" className="rounded-md bg-neutral-900 px-3 py-1.5 font-medium text-white">
        Filter
      </button>
      {showClear ? (
        <Link href={clearHref} className="py-1.5 text-blue-700 underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}

/** A labelled control of a filter bar, the label above it. */
export function Filter({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col">
      {label}
      {children}
    </label>
  );
}

/** A select of a filter bar whose empty first option means "no filter". */
export function FilterSelect({ label, name, value, allLabel, options }: { label: string; name: string; value: string | undefined; allLabel: string; options: readonly string[] }) {
  return (
    <Filter label={label}>
      <select name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </Filter>
  );
}

/** From and To days (YYYY-MM-DD), submitted as `from` and `to`. */
export function DateRangeFilter({ from, to }: { from: string | undefined; to: string | undefined }) {
  return (
    <>
      <Filter label="From">
        <input type="date" name="from" defaultValue={from} className={CONTROL} />
      </Filter>
      <Filter label="To">
        <input type="date" name="to" defaultValue={to} className={CONTROL} />
      </Filter>
    </>
  );
}
