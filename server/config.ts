import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("./data/makon.db"),
  /**
   * "auto": the session cookie is Secure when the request came over HTTPS (directly or through
   * a trusted proxy), so a venue laptop serving phones over plain HTTP on the local Wi-Fi works.
   */
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  /** The address phones reach this server at, for QR codes and printed links (else the request's, a loopback one replaced by the LAN address). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Which proxies' X-Forwarded-For / -Proto to believe: "false", a number of hops counted
   * from this server ("true" is one hop), or their addresses and subnets, comma-separated.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(true|false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F:.\/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.\/]+))*)$/, "expected false, true, a number of hops, or proxy addresses")
    .default("false"),
  /**
   * How many processes serve, each owning a share of the meetings (docs/scaling.md); above 1,
   * a primary process listens and hands each connection to its owner.
   */
  PROCESSES: z.coerce.number().int().min(1).max(32).default(1),
});

export type Env = z.infer<typeof EnvSchema>;

/** Reads the environment once at boot; a bad value stops the start with a clear message. */
export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    secureCookies: e.SECURE_COOKIES === "auto" ? ("auto" as const) : e.SECURE_COOKIES === "true",
    trustProxy: trustProxySetting(e.TRUST_PROXY),
    publicUrl: e.PUBLIC_URL,
    processes: e.PROCESSES,
  };
}

/** Express's "trust proxy" value: never `true`, which would believe the left-most (forgeable) address. */
export function trustProxySetting(value: string): false | number | string {
  if (value === "false" || value === "0") return false;
  if (value === "true") return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
