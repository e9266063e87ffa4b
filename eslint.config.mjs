import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const eslintConfig = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // CommonJS files are loaded by Node.js or Next.js as they are, outside the app's bundles.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Playwright fixtures hand their value to `use`, which is not React's hook.
    files: ["tests/e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The domain stays framework-free: plain data in and out, testable without a server.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "**/generated/prisma/**", "server-only", "@/lib/server/**"], message: "lib/domain must not depend on frameworks, Prisma or the server layer." },
            { group: ["node:*", "fs", "path", "crypto"], message: "lib/domain takes plain data in and out; do I/O in lib/server or scripts/." },
          ],
        },
      ],
    },
  },
  {
    // UI talks to the server through routes and actions; the shapes they exchange live in lib/schemas.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/server/**", "@/app/**"], message: "components/ must not import lib/server or app (type imports included): put the shape in lib/schemas." }] },
      ],
    },
  },
];

export default eslintConfig;
