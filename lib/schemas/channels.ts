import { z } from "zod";

const ZInterval = z
  .number({ message: "intervalSeconds must be a number of seconds" })
  .int("intervalSeconds must be a whole number of seconds")
  .min(30, "A channel runs at most every 30 seconds")
  .max(86_400, "A channel runs at least once a day (86400 seconds)");

const ZFeedUrl = z
  .string()
  .trim()
  .max(2000)
  .url("Enter the feed's full address, starting with http:// or https://")
  .refine((url) => /^https?:\/\//i.test(url), "Feeds are fetched over http:// or https:// only");

const ZFolderPath = z
  .string()
  .trim()
  .min(1, "Enter the folder's path")
  .max(1000)
  .refine((folder) => folder.startsWith("/"), "Give the folder as an absolute path (starting with /) on the worker's machine");

const ZAgency = z.string().trim().max(80).optional();
const ZName = z.string().trim().min(1).max(120).optional();

export const ZCreateChannel = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("feed"), url: ZFeedUrl, intervalSeconds: ZInterval, agency: ZAgency, name: ZName }).strict(),
    z.object({ kind: z.literal("folder"), path: ZFolderPath, intervalSeconds: ZInterval, agency: ZAgency, name: ZName }).strict(),
  ],
  { message: 'kind must be "feed" (with url) or "folder" (with path)' },
);
export type TCreateChannel = z.infer<typeof ZCreateChannel>;

/** An edit names the version it was made on, so two admins' edits never overwrite each other unseen. */
export const ZUpdateChannel = z
  .object({
    version: z.number().int().positive(),
    name: ZName,
    url: ZFeedUrl.optional(),
    path: ZFolderPath.optional(),
    agency: z.string().trim().max(80).nullable().optional(),
    intervalSeconds: ZInterval.optional(),
    paused: z.boolean().optional(),
  })
  .strict();
export type TUpdateChannel = z.infer<typeof ZUpdateChannel>;

export const ZChannelStatus = z.object({
  id: z.string(),
  kind: z.enum(["feed", "folder"]),
  name: z.string(),
  url: z.string().nullable(),
  path: z.string().nullable(),
  agency: z.string().nullable(),
  intervalSeconds: z.number(),
  paused: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  itemsImported: z.number(),
  nextRunAt: z.string().nullable(),
  version: z.number(),
});
export type TChannelStatus = z.infer<typeof ZChannelStatus>;
