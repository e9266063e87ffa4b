import { z } from "zod";
import { ROLES } from "@/lib/domain/policy";

export const ZRole = z.enum(ROLES);

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .email("Enter a valid email address")
  .max(254);

export const ZPassword = z
  .string()
  .min(10, "Passwords need at least 10 characters")
  .max(200, "Passwords may have at most 200 characters");

export const ZCreateUser = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, "Enter a name").max(120),
  role: ZRole,
  password: ZPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    role: ZRole.optional(),
    active: z.boolean().optional(),
  })
  .refine((value) => value.role !== undefined || value.active !== undefined, "Nothing to change");
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZCredentials = z.object({
  email: ZEmail,
  password: z.string().min(1).max(200),
});
