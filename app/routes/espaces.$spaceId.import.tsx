import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Form } from "../components/form";
import { z } from "zod";
import { FormError } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { decodeCsvBytes } from "../modules/csv/csv";
import { LOCALES } from "../modules/i18n/locales";
import { messageKey, type MessageKey, type Translate } from "../modules/i18n/translate";
import { badLines, canImportGoodRows, CHOICES, type RowError } from "../modules/organisations/import-rows";
import { previewImport, runImport, type Preview } from "../modules/organisations/import.server";
import { registerMessage } from "../modules/organisations/messages";
import { spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");

const MAX_FILE_BYTES = 1024 * 1024;
/** How many left-out line numbers the page after an import lists (the rest are counted). */
const MAX_LISTED_LINES = 50;

const DoneQuery = z.object({
  importe: z.coerce.number().int().positive(),
  laissees: z
    .string()
    .regex(/^\d{1,5}(,\d{1,5}){0,49}$/)
    .transform((s) => s.split(",").map(Number)),
  autres: z.coerce.number().int().nonnegative().max(10_000).default(0),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  const url = new URL(request.url);
  const done = DoneQuery.safeParse(Object.fromEntries(url.searchParams));
  return {
    space: { id: space.id, name: space.name },
    done: done.success ? { count: done.data.importe, leftOut: done.data.laissees, more: done.data.autres } : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  const form = await request.formData();
  const parsed = z
    .object({ kind: z.enum(["organisations", "delegates"]), intent: z.enum(["preview", "confirm"]), scope: z.enum(["all", "good"]).default("all") })
    .safeParse({ kind: form.get("kind"), intent: form.get("intent"), scope: form.get("scope") ?? undefined });
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { kind, intent, scope } = parsed.data;

  let text: string;
  let encoding: string | null = null;
  if (intent === "preview") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return data({ kind, formError: messageKey("import.error.noFile"), preview: null, text: "", encoding }, { status: 400 });
    if (file.size > MAX_FILE_BYTES) return data({ kind, formError: messageKey("import.error.tooBig"), preview: null, text: "", encoding }, { status: 400 });
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    text = decoded.text;
    encoding = decoded.encoding;
  } else {
    text = String(form.get("csv") ?? "");
    if (text.length > MAX_FILE_BYTES) throw new Response("Bad Request", { status: 400 });
  }
  const preview = previewImport(context.db, space, kind, text, context.now());
  if (intent === "preview") {
    return data({ kind, formError: undefined, preview, text, encoding }, { status: preview.errors.length > 0 ? 400 : 200 });
  }
  const result = runImport(context.db, current.actor, preview, spaceId, context.now(), { goodRowsOnly: scope === "good" });
  if (!result.ok) {
    if (result.code === "has_problems") return data({ kind, formError: undefined, preview, text, encoding }, { status: 400 });
    const line = "line" in result ? result.line : undefined;
    return data({ kind, formError: registerMessage(result.code), failedLine: line, preview, text, encoding }, { status: 400 });
  }
  const { count, leftOut } = result.value;
  if (leftOut.length === 0) throw redirect(`/espaces/${spaceId}?importe=${count}`);
  const listed = leftOut.slice(0, MAX_LISTED_LINES);
  const more = leftOut.length - listed.length;
  throw redirect(`/espaces/${spaceId}/import?importe=${count}&laissees=${listed.join(",")}${more > 0 ? `&autres=${more}` : ""}`);
}

/** What a bad value should have been, in the reader's words. */
function accepted(error: RowError, preview: Preview, t: Translate): string | null {
  const choices = CHOICES[error.field as keyof typeof CHOICES];
  if (error.code === "unknown_value" && choices) {
    return t("import.accepts.oneOf", { list: choices.ids.map((id) => t(`${choices.prefix}.${id}` as MessageKey)).join(", ") });
  }
  switch (error.code) {
    case "unknown_section":
      return t("import.accepts.section", { list: preview.sections.map((s) => `${s.number} (${s.name})`).join(", ") });
    case "bad_phone":
      return t("import.accepts.phone");
    case "bad_email":
      return t("import.accepts.email");
    case "bad_year":
      return t("import.accepts.year");
    case "bad_date":
      return t("import.accepts.date");
    case "bad_boolean":
      return t("import.accepts.boolean");
    case "bad_number":
      return t("import.accepts.number");
    case "unknown_organisation":
      return t("import.accepts.organisation");
    case "already_member":
      return t("import.accepts.newName");
    default:
      return null;
  }
}

function problem(error: RowError, t: Translate): string {
  if (error.code === "duplicate_in_file" && error.repeats) return t("import.error.duplicateOf", { line: error.repeats });
  return t(`import.error.${error.code}`);
}

export default function Import() {
  const { space, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const preview = result?.preview;
  const kind = result?.kind ?? "organisations";
  const leftOut = preview ? badLines(preview.errors) : [];
  const partialPossible = preview ? preview.errors.length > 0 && canImportGoodRows(preview.errors) && preview.rows.length > 0 : false;
  const ignored = preview ? preview.columns.filter((c) => c.field === null) : [];
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("import.title")}</h1>
      {done ? (
        <div className="import-done" role="status" data-testid="import-done">
          <p>{t("import.done", { count: done.count })}</p>
          <p data-testid="import-left-out">
            {t("import.leftOut", { lines: done.more > 0 ? t("import.leftOutMore", { lines: done.leftOut.join(", "), count: done.more }) : done.leftOut.join(", ") })}
          </p>
        </div>
      ) : null}
      <p className="lead">{t("import.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="panel">
        <input type="hidden" name="intent" value="preview" />
        <fieldset className="checks">
          <legend>{t("import.what")}</legend>
          <label className="check">
            <input type="radio" name="kind" value="organisations" defaultChecked={kind === "organisations"} /> {t("import.kind.organisations")}
          </label>
          <label className="check">
            <input type="radio" name="kind" value="delegates" defaultChecked={kind === "delegates"} /> {t("import.kind.delegates")}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="import-file">{t("import.file")}</label>
          <p className="hint" id="import-file-hint">
            {t("import.fileHint")}
          </p>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="import-file-hint" required />
        </div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t("import.preview")}
        </button>
      </Form>

      <section className="import-templates" aria-labelledby="templates-title">
        <h2 id="templates-title">{t("import.templates")}</h2>
        <p className="hint">{t("import.templatesHint")}</p>
        <ul>
          {(["organisations", "delegates"] as const).flatMap((what) =>
            LOCALES.map((lang) => (
              <li key={`${what}-${lang}`}>
                <a href={`/espaces/${space.id}/import/modele?contenu=${what}&langue=${lang}`} download hrefLang={lang}>
                  {t("import.templateFor", { what: t(`import.kind.${what}`), language: t(`language.${lang}`) })}
                </a>
              </li>
            )),
          )}
        </ul>
      </section>

      <FormError error={result?.formError} />
      {result && "failedLine" in result && result.failedLine ? <p className="error">{t("import.atLine", { line: result.failedLine })}</p> : null}

      {preview && preview.columns.length > 0 ? (
        <section aria-labelledby="columns-title" className="import-columns">
          <h2 id="columns-title">{t("import.columns.title")}</h2>
          <p>{ignored.length > 0 ? t("import.columns.ignoredCount", { count: ignored.length }) : t("import.columns.allUsed")}</p>
          <div className="table-scroll">
            <table data-testid="import-columns">
              <thead>
                <tr>
                  <th scope="col">{t("import.columns.file")}</th>
                  <th scope="col">{t("import.columns.readAs")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map((c) => (
                  <tr key={c.index} className={c.field === null ? "ignored" : undefined}>
                    <td>{c.title || t("import.columns.untitled")}</td>
                    <td>{c.field === null ? t("import.columns.ignored") : t(`import.field.${c.field}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {preview && preview.errors.length > 0 ? (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">{t("import.problems", { count: preview.errors.length })}</h2>
          <p>{t("import.nothingWritten")}</p>
          <div className="table-scroll">
            <table data-testid="import-errors" className="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t("import.line")}</th>
                  <th scope="col">{t("import.column")}</th>
                  <th scope="col">{t("import.value")}</th>
                  <th scope="col">{t("import.problem")}</th>
                  <th scope="col">{t("import.accepted")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.line === 0 ? t("import.wholeFile") : e.line}</td>
                    <td>{t(`import.field.${e.field}`)}</td>
                    <td>{e.value !== undefined ? <q>{e.value}</q> : e.line === 0 ? null : <span className="hint">{t("import.emptyValue")}</span>}</td>
                    <td>{problem(e, t)}</td>
                    <td>{accepted(e, preview, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {preview && preview.rows.length > 0 && !result?.formError && (preview.errors.length === 0 || partialPossible) ? (
        <section aria-labelledby="ready-title">
          <h2 id="ready-title">{t("import.ready", { count: preview.rows.length })}</h2>
          {result?.encoding === "windows-1252" ? <p className="hint">{t("import.encoding1252")}</p> : null}
          <div className="table-scroll">
            <table data-testid="import-rows">
              <thead>
                <tr>
                  <th scope="col">{t("import.line")}</th>
                  <th scope="col">{t("people.name")}</th>
                  <th scope="col">{preview.kind === "organisations" ? t("organisations.type") : t("delegates.organisation")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.kind === "organisations"
                  ? preview.rows.map((r) => (
                      <tr key={r.line}>
                        <td>{r.line}</td>
                        <td>{r.name}</td>
                        <td>{t(`orgType.${r.type}`)}</td>
                      </tr>
                    ))
                  : preview.rows.map((r) => (
                      <tr key={r.line}>
                        <td>{r.line}</td>
                        <td>{r.name}</td>
                        <td>
                          {r.organisationName} · {t(`seat.${r.seat}`)}
                        </td>
                      </tr>
                    ))}
              </tbody>
            </table>
          </div>
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="kind" value={preview.kind} />
            {/* Controlled: a second preview replaces the file this form sends. */}
            <textarea name="csv" value={result?.text ?? ""} hidden readOnly />
            {partialPossible ? (
              <>
                <p className="hint" id="good-only-hint">
                  {t("import.goodOnlyHint", { bad: leftOut.length })}
                </p>
                <button type="submit" name="scope" value="good" className="primary" aria-describedby="good-only-hint" disabled={navigation.state === "submitting"}>
                  {t("import.goodOnly", { count: preview.rows.length })}
                </button>
              </>
            ) : (
              <button type="submit" name="scope" value="all" className="primary" disabled={navigation.state === "submitting"}>
                {t("import.confirm", { count: preview.rows.length })}
              </button>
            )}
          </Form>
        </section>
      ) : null}
    </>
  );
}
