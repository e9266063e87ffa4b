import { AppError } from "@/lib/domain/errors";
import { NINJS_VERSIONS } from "@/lib/domain/ninjs/versions";
import { extensionSchemaFileName, factdeskExtensionSchema, versionOfExtensionSchema } from "@/lib/domain/ninjs/extension-schema";
import { publicBaseUrl } from "@/lib/env";
import { withErrors } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/**
 * Public, no sign-in: the JSON Schemas published ninjs names in `standard.schema`
 * (`factdesk-ninjs-<version>.json`), so any ninjs client can validate what it receives.
 */
export const GET = withErrors(async (_request: Request, context: { params: Promise<{ name: string }> }) => {
  const { name } = await context.params;
  const version = versionOfExtensionSchema(name);
  if (!version) {
    throw new AppError("NOT_FOUND", `No schema named "${name}"; there are ${NINJS_VERSIONS.map(extensionSchemaFileName).join(" and ")}.`);
  }
  const schema = factdeskExtensionSchema(version, publicBaseUrl().origin);
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/schema+json",
      "Cache-Control": "public, max-age=3600",
      // Validators running in a browser on another site fetch it too.
      "Access-Control-Allow-Origin": "*",
    },
  });
});
