import { z } from "zod";
import { DELIVERY_EVENTS, DELIVERY_FORMATS, MIN_SECRET_LENGTH, subscriberUrlProblem } from "@/lib/domain/subscribers";

export const ZCreateSubscriber = z
  .object({
    name: z.string().trim().min(1, "Name the subscriber").max(120),
    url: z
      .string()
      .trim()
      .max(2000)
      .superRefine((url, context) => {
        const problem = subscriberUrlProblem(url);
        if (problem) context.addIssue({ code: "custom", message: problem });
      }),
    secret: z.string().min(MIN_SECRET_LENGTH, `The secret needs at least ${MIN_SECRET_LENGTH} characters`).max(200),
    formats: z.array(z.enum(DELIVERY_FORMATS)).min(1, "Choose at least one format").max(DELIVERY_FORMATS.length),
    events: z.array(z.enum(DELIVERY_EVENTS)).min(1, "Choose at least one event").max(DELIVERY_EVENTS.length),
  })
  .strict();
export type TCreateSubscriber = z.infer<typeof ZCreateSubscriber>;

export const ZSetSubscriberActive = z.object({ active: z.boolean() }).strict();

/** A subscriber as the admin screen shows it, with its latest deliveries (the secret never leaves the server). */
export interface TSubscriberStatus {
  id: string;
  name: string;
  url: string;
  formats: string[];
  events: string[];
  active: boolean;
  deliveries: {
    id: string;
    createdAt: string;
    storyHeadline: string;
    event: string;
    format: string;
    status: "QUEUED" | "SENDING" | "DELIVERED" | "FAILED";
    attempts: { at: string; statusCode: number | null; error: string | null }[];
  }[];
}
