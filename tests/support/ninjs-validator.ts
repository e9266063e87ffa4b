/**
 * Validates ninjs as a ninjs client would: IPTC's official JSON Schemas (draft 2020-12, from the
 * `wire-formats` corpus of `../shared`) with their `uri`, `date-time` and `date` formats checked,
 * plus whatever extension schemas a test adds (the ones the app serves).
 */
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { NINJS_VERSIONS } from "@/lib/domain/ninjs/versions";

export interface NinjsValidator {
  addSchema(schema: object): void;
  /** Why `document` is invalid against the schema with id `schemaUri` ("<path> <message>" each); empty when it is valid. */
  errors(schemaUri: string, document: unknown): string[];
}

/** `corpusDir` is the `wire-formats` corpus folder (see describeWithCorpus). */
export function ninjsValidator(corpusDir: string): NinjsValidator {
  // Ajv's default strict mode: unknown keywords and formats are errors, not ignored. Union types
  // (`["string", "null"]`) are plain JSON Schema that it only asks to allow; strictRequired stays
  // off, as IPTC's contact info requires properties that a sibling subschema defines.
  const ajv = new Ajv2020({ allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  // IPTC's schemas refer to the remote GeoJSON schema for places[].geojson; offline, that reference accepts anything (the corpus's SOURCE.md says so).
  ajv.addSchema({ $id: "https://geojson.org/schema/GeoJSON.json" });
  for (const version of NINJS_VERSIONS) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(corpusDir, "ninjs", "schema", `ninjs-schema_${version}.json`), "utf8")) as object);
  }
  return {
    addSchema: (schema) => void ajv.addSchema(schema),
    errors(schemaUri, document) {
      const validate = ajv.getSchema(schemaUri);
      if (!validate) throw new Error(`No schema with id ${schemaUri} was added`);
      if (validate(document)) return [];
      return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
    },
  };
}
