/** The demo newsroom: one user per role, with known passwords (documented in README). */
export const DEMO_USERS = [
  { email: "writer@factdesk.test", name: "Wendy Writer", role: "WRITER", password: "writer-demo-pass" },
  { email: "editor@factdesk.test", name: "Eddie Editor", role: "EDITOR", password: "editor-demo-pass" },
  { email: "publisher@factdesk.test", name: "Pat Publisher", role: "PUBLISHER", password: "publisher-demo-pass" },
  { email: "admin@factdesk.test", name: "Ada Admin", role: "ADMIN", password: "admin-demo-pass" },
] as const;
