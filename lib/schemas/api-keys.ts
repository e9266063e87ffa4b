import { z } from "zod";

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Name the key after the feed or system that will use it").max(100),
});
