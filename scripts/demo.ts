import { DEMO_USERS } from "../prisma/demo-users";
import { launch } from "./lib/launcher";
import { run } from "./lib/run";

/** npm run demo: the app with demo users (and, as later work lands, the sample stories) loaded. */
launch({
  mode: "start",
  beforeServe: (env) => run("tsx", ["--conditions=react-server", "prisma/seed.ts"], env),
  afterReady: (baseUrl) => {
    console.log(`\nFactdesk is running at ${baseUrl}\n\nDemo users (email / password):`);
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email.padEnd(26)} ${user.password}`);
    console.log("");
  },
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
