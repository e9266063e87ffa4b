import { launch, type Mode } from "./lib/launcher";

const mode: Mode = process.argv[2] === "dev" ? "dev" : "start";

launch({ mode }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
