import { launch, type Mode } from "./lib/launcher";
import { runMain } from "./lib/main";

const mode: Mode = process.argv[2] === "dev" ? "dev" : "start";

runMain(() => launch({ mode }));
