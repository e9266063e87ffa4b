import type { ButtonHTMLAttributes } from "react";
import { BORDERED, SMALL_BUTTON } from "./control";

const VARIANTS = {
  primary: "bg-neutral-900 text-white hover:bg-neutral-700 disabled:bg-neutral-400",
  secondary: `${BORDERED} text-neutral-900 hover:bg-neutral-100 disabled:text-neutral-400`,
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:text-neutral-400",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      className={`inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}

/** A small bordered button beside text (SMALL_BUTTON), never a form submit. */
export function SmallButton({ className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className={`${SMALL_BUTTON} ${className}`} {...props} />;
}
