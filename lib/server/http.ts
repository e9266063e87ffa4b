import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/domain/errors";
import { getCurrentUser, type CurrentUser } from "./auth";

export function errorResponse(code: string, message: string, status: number, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/** Maps what a use case throws to the API's error contract: `{"error": {"code", "message"}}`. */
export function toErrorResponse(error: unknown) {
  if (isAppError(error)) return errorResponse(error.code, error.message, error.status);
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
    return errorResponse("INVALID_INPUT", message, 400);
  }
  console.error("Unexpected error in API route", error);
  return errorResponse("INTERNAL", "Something went wrong on our side; nothing was changed.", 500);
}

type RouteContext<P> = { params: Promise<P> };

/** An API route for signed-in users (session cookie): 401 when signed out, errors mapped. */
export function withUser<P = Record<string, never>>(
  handler: (request: Request, user: CurrentUser, params: P) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
      return await handler(request, user, await context.params);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** Reads a JSON body, with a clear error when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be JSON.");
  }
}
