import { startWorker } from "@/lib/server/worker";
import { assignUnassignedWires } from "@/lib/server/events/event-store";
import { runMain } from "./lib/main";

/**
 * The background worker (npm run demo and npm start run it beside the app): polls the ingest
 * channels and sends deliveries to subscribers through the PostgreSQL job queue. Run more of them
 * against one database to scale out.
 */
async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: the worker needs the app's database.");
  // Wires stored before events existed (an older database) get theirs once, oldest first.
  const assigned = await assignUnassignedWires();
  if (assigned) console.log(`Worker: assigned ${assigned} earlier wires to events.`);
  const worker = await startWorker({ databaseUrl, concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4) || 4 });
  console.log("Worker: polling ingest channels and sending deliveries to subscribers.");
  const stop = () => void worker.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

runMain(main);
