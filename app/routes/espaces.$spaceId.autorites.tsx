import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError, SelectField } from "../components/field";
import { useLocale, useT } from "../components/i18n";
import { sectionLabel } from "../modules/geography/labels";
import { pageTitle } from "../components/page-title";
import { AccountFields, PersonFields } from "../components/person-fields";
import { requirePermission } from "../modules/auth/guards.server";
import { AuthoritySchema, OfficialSchema } from "../modules/authorities/authorities.schemas";
import { listAuthorities, registerAuthority, registerOfficial } from "../modules/authorities/authorities.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { registerMessage, type RegisterCode } from "../modules/organisations/messages";
import { AUTHORITY_KINDS } from "../modules/organisations/types";
import { spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authorities.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  return { space: { id: space.id, name: space.name, territorySections: space.territorySections }, authorities: listAuthorities(context.db, space) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const form = formValues(await request.formData());
  const { accountPassword: _password, ...values } = form;
  const done = (intent: string) => ({ intent, values: {} as Record<string, string>, errors: {} as FieldErrors });
  const refused = (intent: string, code: RegisterCode, field?: string) => data({ intent, values, errors: { [field ?? "form"]: registerMessage(code) } as FieldErrors }, { status: 400 });
  if (form.intent === "official") {
    const parsed = OfficialSchema.safeParse(form);
    if (!parsed.success) return data({ intent: "official", values, errors: errorsOf(parsed) }, { status: 400 });
    const { authorityId, title, mandateStart, mandateEnd, createAccount, accountEmail, accountPassword, ...person } = parsed.data;
    const result = await registerOfficial(context.db, current.actor, spaceId, person, { authorityId, title, mandateStart, mandateEnd }, { createAccount, accountEmail, accountPassword }, context.now());
    return result.ok ? done("official") : refused("official", result.code, result.field);
  }
  const parsed = AuthoritySchema.safeParse(form);
  if (!parsed.success) return data({ intent: "authority", values, errors: errorsOf(parsed) }, { status: 400 });
  const result = registerAuthority(context.db, current.actor, spaceId, parsed.data, context.now());
  return result.ok ? done("authority") : refused("authority", result.code, result.field);
}

export default function Authorities() {
  const { space, authorities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const authority = result?.intent === "authority" ? result : undefined;
  const official = result?.intent === "official" ? result : undefined;
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("authorities.title")}</h1>
      {authorities.length === 0 ? <p>{t("authorities.none")}</p> : null}
      <ul className="authorities">
        {authorities.map((a) => (
          <li key={a.id}>
            <strong>{a.name}</strong> <span className="muted">· {t(`authority.${a.kind}`)}{a.sectionName ? ` · ${a.sectionName}` : ""}</span>
            <ul>
              {a.officials.map((o) => (
                <li key={o.id}>
                  {o.name} — {o.title}
                  {o.hasAccount ? <span className="tag">{t("people.hasAccount")}</span> : null}{" "}
                  <Link to={`/espaces/${space.id}/personnes/${o.personId}/compte`}>{t("people.account.manage", { name: o.name })}</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className="columns">
        <section className="panel" aria-labelledby="authority-title">
          <h2 id="authority-title">{t("authorities.new")}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="authority" />
            <FormError error={authority?.errors.form} />
            <SelectField id="authority-kind" name="kind" label={t("authorities.kind")} defaultValue={authority?.values.kind} error={authority?.errors.kind} required>
              {AUTHORITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`authority.${kind}`)}
                </option>
              ))}
            </SelectField>
            <Field id="authority-name" name="name" label={t("authorities.name")} hint={t("authorities.nameHint")} required defaultValue={authority?.values.name} error={authority?.errors.name} />
            <SelectField id="authority-section" name="sectionCode" label={t("geo.section")} defaultValue={authority?.values.sectionCode ?? ""} error={authority?.errors.sectionCode}>
              <option value="">{t("authorities.wholeCommune")}</option>
              {space.territorySections.map((s) => (
                <option key={s.code} value={s.code}>
                  {sectionLabel(s.label, locale)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="primary">
              {t("authorities.add")}
            </button>
          </Form>
        </section>
        {authorities.length > 0 ? (
          <section className="panel" aria-labelledby="official-title">
            <h2 id="official-title">{t("officials.new")}</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="official" />
              <FormError error={official?.errors.form} />
              <SelectField name="authorityId" label={t("officials.authority")} defaultValue={official?.values.authorityId} error={official?.errors.authorityId} required>
                {authorities.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </SelectField>
              <PersonFields values={official?.values} errors={official?.errors} askConsent={false} />
              <Field name="title" label={t("officials.title")} hint={t("officials.titleHint")} required defaultValue={official?.values.title} error={official?.errors.title} />
              <Field name="mandateStart" type="date" label={t("officials.mandateStart")} defaultValue={official?.values.mandateStart} error={official?.errors.mandateStart} />
              <Field name="mandateEnd" type="date" label={t("officials.mandateEnd")} defaultValue={official?.values.mandateEnd} error={official?.errors.mandateEnd} />
              <AccountFields values={official?.values} errors={official?.errors} />
              <button type="submit" className="primary">
                {t("officials.add")}
              </button>
            </Form>
          </section>
        ) : null}
      </div>
    </>
  );
}
