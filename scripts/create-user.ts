/**
 * Creates an account from the command line, for the first administrator of a new install:
 *   npm run user:create -- --name "Marie Joseph" --email marie@example.ht --password "…" [--role admin]
 * Space roles need --space <id>. The password may come from MAKON_PASSWORD instead of the command line.
 */
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase } from "../db/client";
import { loadGeography } from "../db/seed/geography";
import { CreateAccountSchema } from "../app/modules/users/users.schemas";
import { createAccount } from "../app/modules/users/users.server";
import { readEnv } from "../server/config";
import { isMessageKey, translate } from "../app/modules/i18n/catalog.server";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    email: { type: "string" },
    phone: { type: "string" },
    password: { type: "string" },
    role: { type: "string", default: "admin" },
    space: { type: "string" },
  },
});

const parsed = CreateAccountSchema.safeParse({
  name: values.name ?? "",
  email: values.email ?? "",
  phone: values.phone ?? "",
  password: values.password ?? process.env.MAKON_PASSWORD ?? "",
  role: values.role,
  spaceId: values.space ?? "",
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) {
    console.error(`--${String(issue.path[0])}: ${isMessageKey(issue.message) ? translate("fr", issue.message) : issue.message}`);
  }
  process.exit(2);
}
const { databasePath } = readEnv();
const db = openDatabase(databasePath);
loadGeography(db, Date.now());
const result = await createAccount(db, null, parsed.data, Date.now(), { bootstrap: true });
closeDatabase(db);
if (!result.ok) {
  console.error(`Not created: ${result.code}`);
  process.exit(1);
}
console.log(`Account created (${parsed.data.role}) with id ${result.value.id} in ${databasePath}`);
