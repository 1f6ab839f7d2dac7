import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormError } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { decodeCsvBytes } from "../modules/csv/csv";
import { messageKey } from "../modules/i18n/translate";
import { previewImport, runImport } from "../modules/organisations/import.server";
import { registerMessage } from "../modules/organisations/messages";
import { spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");

const MAX_FILE_BYTES = 1024 * 1024;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  return { space: { id: space.id, name: space.name } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  const form = await request.formData();
  const parsed = z.object({ kind: z.enum(["organisations", "delegates"]), intent: z.enum(["preview", "confirm"]) }).safeParse({ kind: form.get("kind"), intent: form.get("intent") });
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { kind, intent } = parsed.data;

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
  if (intent === "preview" || preview.errors.length > 0) {
    return data({ kind, formError: undefined, preview, text, encoding }, { status: preview.errors.length > 0 ? 400 : 200 });
  }
  const result = runImport(context.db, current.actor, preview, spaceId, context.now());
  if (!result.ok) {
    const line = "line" in result ? result.line : undefined;
    return data({ kind, formError: registerMessage(result.code), failedLine: line, preview, text, encoding }, { status: 400 });
  }
  throw redirect(`/espaces/${spaceId}?importe=${result.value.count}`);
}

export default function Import() {
  const { space } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const preview = result?.preview;
  const kind = result?.kind ?? "organisations";
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("import.title")}</h1>
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

      <FormError error={result?.formError} />
      {result && "failedLine" in result && result.failedLine ? <p className="error">{t("import.atLine", { line: result.failedLine })}</p> : null}

      {preview && preview.errors.length > 0 ? (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">{t("import.problems", { count: preview.errors.length })}</h2>
          <p>{t("import.nothingWritten")}</p>
          <table data-testid="import-errors">
            <thead>
              <tr>
                <th scope="col">{t("import.line")}</th>
                <th scope="col">{t("import.column")}</th>
                <th scope="col">{t("import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.line === 0 ? t("import.wholeFile") : e.line}</td>
                  <td>{t(`import.field.${e.field}`)}</td>
                  <td>{t(`import.error.${e.code}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {preview && preview.errors.length === 0 && !result?.formError ? (
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
            <textarea name="csv" defaultValue={result?.text} hidden readOnly />
            <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
              {t("import.confirm", { count: preview.rows.length })}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
