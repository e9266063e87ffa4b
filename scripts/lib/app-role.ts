import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Tables whose rows are history. Their triggers refuse UPDATE, DELETE and TRUNCATE to anyone, the
 * owner included, but an owner or superuser can disable triggers; the runtime role gets no
 * privilege beyond INSERT and SELECT on them, so it can't. tests/integration/audit-tamper.test.ts
 * checks this list against the tables that refuse TRUNCATE.
 */
export const APPEND_ONLY_TABLES = ["AuditEvent", "StoryEvent", "ReviewDecision"] as const;

/** Prisma's migration history: the runtime role may read it (a deploy with nothing to do), never write it. */
const MIGRATIONS_TABLE = "_prisma_migrations";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface AppRoleOptions {
  /** Lowercase letters, digits and _, so the name needs no quoting in SQL or in a URL. */
  role: string;
  /** Sets the role's password; when absent a new role gets a random one and an existing role keeps its own. */
  password?: string;
}

export interface AppRole {
  /** ownerUrl with the runtime role's name and password: the app's DATABASE_URL. */
  url: string;
  created: boolean;
  /** False when an existing role kept its password, which `url` then lacks. */
  passwordInUrl: boolean;
  notes: string[];
}

/** The schema of the worker's job queue (the job_queue migration). */
export const JOB_QUEUE_SCHEMA = "pgboss";

/**
 * Creates or updates the app's least-privilege role on the database of `ownerUrl`, connected as
 * the role that owns the tables and runs the migrations: login, no superuser or role/database
 * creation, no DDL, no TRUNCATE; SELECT, INSERT, UPDATE and DELETE on the tables except the
 * append-only ones (INSERT and SELECT only); the same for tables and sequences the owner creates
 * later. Idempotent, in one transaction: re-running it resets the grants to exactly these.
 */
export async function ensureAppRole(ownerUrl: string, options: AppRoleOptions): Promise<AppRole> {
  const { role } = options;
  if (!ROLE_NAME.test(role)) throw new Error(`The role name "${role}" must be lowercase letters, digits and _ (at most 63), starting with a letter or _.`);
  const schema = new URL(ownerUrl).searchParams.get("schema") ?? "public";
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const id = (name: string) => client.escapeIdentifier(name);
  const notes: string[] = [];
  try {
    await client.query("BEGIN");
    const { rows: [me] } = await client.query<{ user: string; database: string }>("SELECT current_user AS user, current_database() AS database");
    if (role === me!.user) throw new Error(`"${role}" is the role this runs as; the app needs a role of its own.`);
    const missing = await client.query<{ name: string }>(
      "SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(quote_ident($2) || '.' || quote_ident(name)) IS NULL",
      [APPEND_ONLY_TABLES, schema],
    );
    if (missing.rowCount) throw new Error(`The database isn't migrated (no ${missing.rows.map((row) => row.name).join(", ")} in schema ${schema}); run npm run db:migrate as the owner first.`);
    // The tables' owner is who later migrations create tables as; the default privileges are its.
    const { rows: [ownership] } = await client.query<{ owner: string; mine: boolean }>(
      "SELECT pg_get_userbyid(relowner) AS owner, pg_has_role(current_user, relowner, 'USAGE') AS mine FROM pg_class WHERE oid = to_regclass(quote_ident($1) || '.' || quote_ident($2))",
      [schema, APPEND_ONLY_TABLES[0]],
    );
    const owner = ownership!.owner;
    if (!ownership!.mine) throw new Error(`Run this as the role that owns the tables and runs the migrations ("${owner}") or a superuser, not as "${me!.user}".`);
    if (role === owner) throw new Error(`"${role}" owns the tables; the app needs a role of its own.`);

    const { rows: [existing] } = await client.query<Record<"rolsuper" | "rolreplication" | "rolbypassrls" | "rolcreatedb" | "rolcreaterole" | "rolcanlogin", boolean>>(
      "SELECT rolsuper, rolreplication, rolbypassrls, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles WHERE rolname = $1",
      [role],
    );
    const created = !existing;
    const password = options.password ?? (created ? randomBytes(24).toString("base64url") : undefined);
    const passwordClause = password === undefined ? [] : [`PASSWORD ${client.escapeLiteral(password)}`];
    // Only a superuser may even restate NOSUPERUSER, NOREPLICATION or NOBYPASSRLS, so an existing
    // role is altered in what differs; an owner with CREATEROLE can then keep its role up to date.
    const attributes = created
      ? ["LOGIN", "NOSUPERUSER", "NOCREATEDB", "NOCREATEROLE", "NOREPLICATION", "NOBYPASSRLS"]
      : [
          ...(existing.rolcanlogin ? [] : ["LOGIN"]),
          ...(existing.rolsuper ? ["NOSUPERUSER"] : []),
          ...(existing.rolcreatedb ? ["NOCREATEDB"] : []),
          ...(existing.rolcreaterole ? ["NOCREATEROLE"] : []),
          ...(existing.rolreplication ? ["NOREPLICATION"] : []),
          ...(existing.rolbypassrls ? ["NOBYPASSRLS"] : []),
        ];
    const clauses = [...attributes, ...passwordClause];
    if (clauses.length) {
      await client.query(`${created ? "CREATE" : "ALTER"} ROLE ${id(role)} ${clauses.join(" ")}`).catch((error: unknown) => {
        if ((error as { code?: string }).code !== "42501") throw error;
        throw new Error(`"${me!.user}" may not ${created ? "create" : "alter"} the role "${role}" (${(error as Error).message}); have a superuser run this, or grant "${me!.user}" CREATEROLE.`);
      });
    }

    // Owning a table (or being able to act as its owner) allows ALTER TABLE … DISABLE TRIGGER, and
    // owning the schema allows dropping its tables; the app's role must do neither.
    const { rows: [power] } = await client.query<{ owner: boolean; schemaOwner: boolean; owns: string | null }>(
      `SELECT pg_has_role($1, $3, 'MEMBER') AS owner,
              pg_has_role($1, (SELECT nspowner FROM pg_namespace WHERE nspname = $2), 'MEMBER') AS "schemaOwner",
              (SELECT string_agg(c.relname, ', ') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $2 AND pg_has_role($1, c.relowner, 'MEMBER')) AS owns`,
      [role, schema, owner],
    );
    if (power!.owner) throw new Error(`"${role}" is a member of the owner "${owner}", so it could act as the owner; revoke that membership first.`);
    if (power!.schemaOwner) throw new Error(`"${role}" owns schema ${schema} (or the database, which owns public); the app's role must own neither.`);
    if (power!.owns) throw new Error(`"${role}" owns ${power!.owns} in schema ${schema}; the app's role must own nothing (it could disable the triggers).`);

    await client.query(`GRANT CONNECT ON DATABASE ${id(me!.database)} TO ${id(role)}`);
    await client.query(`REVOKE ALL ON SCHEMA ${id(schema)} FROM ${id(role)}`);
    await client.query(`GRANT USAGE ON SCHEMA ${id(schema)} TO ${id(role)}`);
    const { rows: [schemaAccess] } = await client.query<{ create: boolean }>("SELECT has_schema_privilege($1, $2, 'CREATE') AS create", [role, schema]);
    if (schemaAccess!.create) {
      // Before PostgreSQL 15 everyone may create in the public schema; 15 revokes this by default.
      await client.query(`REVOKE CREATE ON SCHEMA ${id(schema)} FROM PUBLIC`);
      notes.push(`Revoked CREATE on schema ${schema} from PUBLIC (PostgreSQL 15's default), so the app's role can't create tables.`);
    }

    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${id(schema)} FROM ${id(role)}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${id(schema)} FROM ${id(role)}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${id(schema)} TO ${id(role)}`);
    for (const table of APPEND_ONLY_TABLES) await client.query(`REVOKE UPDATE, DELETE ON ${id(schema)}.${id(table)} FROM ${id(role)}`);
    if ((await client.query("SELECT to_regclass($1)::text AS t", [`${id(schema)}.${id(MIGRATIONS_TABLE)}`])).rows[0]?.t) {
      await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${id(schema)}.${id(MIGRATIONS_TABLE)} FROM ${id(role)}`);
    }
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${id(schema)} TO ${id(role)}`);
    // Tables later migrations create (as this same owner) are the app's to use too. A new
    // append-only table gets its triggers from its migration; re-run this to narrow its grants.
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${id(owner)} IN SCHEMA ${id(schema)} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${id(role)}`);
    await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${id(owner)} IN SCHEMA ${id(schema)} GRANT USAGE, SELECT ON SEQUENCES TO ${id(role)}`);
    // The worker's job queue (pg-boss) lives in its own schema, created by a migration: the role
    // sends, takes and finishes jobs there, and no more (queues are created by migrations too).
    if ((await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [JOB_QUEUE_SCHEMA])).rowCount) {
      const queue = id(JOB_QUEUE_SCHEMA);
      await client.query(`REVOKE ALL ON SCHEMA ${queue} FROM ${id(role)}`);
      await client.query(`GRANT USAGE ON SCHEMA ${queue} TO ${id(role)}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${queue} FROM ${id(role)}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${queue} TO ${id(role)}`);
      await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${id(owner)} IN SCHEMA ${queue} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${id(role)}`);
    }
    await client.query("COMMIT");

    const url = new URL(ownerUrl);
    url.username = role;
    url.password = password ?? "";
    return { url: url.toString(), created, passwordInUrl: password !== undefined, notes };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Drops a role ensureAppRole made, connected as the owner to the one database it was granted on
 * (DROP OWNED revokes its grants and default privileges there, and CONNECT on the database).
 */
export async function dropAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    if ((await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount === 0) return;
    await client.query(`DROP OWNED BY ${client.escapeIdentifier(role)}`);
    await client.query(`DROP ROLE ${client.escapeIdentifier(role)}`);
  } finally {
    await client.end();
  }
}
