import type { ReactNode, TdHTMLAttributes } from "react";

export interface Column {
  label: ReactNode;
  className?: string;
}

/** A bordered, horizontally scrollable table with a header row; the caller renders the body rows. */
export function Table({ label, columns, children }: { label?: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className="min-w-full text-left text-sm" aria-label={label}>
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs text-neutral-500 uppercase">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={`px-3 py-2 ${column.className ?? ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A body cell with the table's padding. */
export function Cell({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2 ${className}`} {...props} />;
}
