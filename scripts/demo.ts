import fs from "node:fs";
import path from "node:path";
import { DEMO_USERS } from "../prisma/demo-users";
import { DATA_DIR } from "./lib/database";
import { launch } from "./lib/launcher";
import { runMain } from "./lib/main";
import { run } from "./lib/run";

/** npm run demo: the app with the demo users, the sample wire stories and a demo API key loaded. */
runMain(() =>
  launch({
    mode: "start",
    beforeServe: (env) => run("tsx", ["--conditions=react-server", "prisma/seed.ts"], env),
    afterReady: (baseUrl) => {
      console.log(`\nFactdesk is running at ${baseUrl}\n\nDemo users (email / password):`);
      for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(9)} ${user.email.padEnd(26)} ${user.password}`);
      const keyFile = path.join(DATA_DIR, "demo-api-key");
      if (fs.existsSync(keyFile)) {
        const key = fs.readFileSync(keyFile, "utf8").trim();
        console.log(`Demo API key (for POST ${baseUrl}/api/v1/wires):\n  ${key}\n`);
        console.log(`  curl -H "Authorization: Bearer ${key}" -H "Content-Type: text/plain" --data-binary @story.txt ${baseUrl}/api/v1/wires`);
      }
      console.log("");
    },
  }),
);
