import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("./data/makon.db"),
  /** Secure cookies need HTTPS; on by default outside development. */
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
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
    secureCookies: e.SECURE_COOKIES ? e.SECURE_COOKIES === "true" : e.NODE_ENV !== "development",
    trustProxy: e.TRUST_PROXY === "true",
  };
}
