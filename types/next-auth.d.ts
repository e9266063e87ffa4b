import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: string; sessionVersion: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
    /** The user's session version when this session was issued (see User.sessionVersion). */
    sessionVersion?: number;
  }
}
