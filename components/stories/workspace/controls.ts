import { SMALL_BUTTON } from "@/components/ui/control";

/** The workspace's small buttons, at least 24×24 px however short their label (WCAG 2.2 target size). */
export const WORKSPACE_BUTTON = `${SMALL_BUTTON} inline-flex min-h-6 min-w-6 items-center justify-center`;
