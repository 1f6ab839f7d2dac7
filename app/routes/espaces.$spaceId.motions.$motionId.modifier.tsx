import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { FormError } from "../components/field";
import { Form } from "../components/form";
import { useT } from "../components/i18n";
import { MotionFields } from "../components/motion-fields";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { listAuthorities } from "../modules/authorities/authorities.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { motionMessage } from "../modules/motions/messages";
import { EditMotionSchema } from "../modules/motions/motions.schemas";
import { editMotion, motionPage } from "../modules/motions/motions.server";
import { positiveIntParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "motions.edit");

/** The proposer's side rewrites its draft here; once submitted, only amendments change it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  const space = requireSpace(context.db, params);
  const page = motionPage(context.db, current.actor, positiveIntParam(params.motionId), context.now());
  if (!page || page.space.id !== space.id) throw new Response("Not Found", { status: 404 });
  if (!page.actions.edit) throw new Response("Forbidden", { status: 403 });
  return {
    space: { id: space.id, name: space.name },
    motion: { id: page.id, title: page.title, values: { title: page.title, text: page.text, rationale: page.rationale, theme: page.theme, authorityId: page.authority?.id ?? null } },
    authorities: listAuthorities(context.db, space).map((a) => ({ id: a.id, name: a.name })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const space = requireSpace(context.db, params);
  const motionId = positiveIntParam(params.motionId);
  const values = formValues(await request.formData());
  const parsed = EditMotionSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = editMotion(context, current.actor, motionId, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: motionMessage(result.code) } as FieldErrors }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/espaces/${space.id}/motions/${motionId}`);
}

export default function EditMotion() {
  const { space, motion, authorities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <Breadcrumb
        trail={[
          { to: `/espaces/${space.id}`, label: space.name },
          { to: `/espaces/${space.id}/motions`, label: t("motions.title") },
          { to: `/espaces/${space.id}/motions/${motion.id}`, label: motion.title },
        ]}
      />
      <h1>{t("motions.edit")}</h1>
      <Form method="post" noValidate>
        <FormError error={result?.errors.form} />
        <MotionFields authorities={authorities} values={result?.values ?? motion.values} errors={result?.errors} />
        <button type="submit" className="primary">
          {t("common.save")}
        </button>
      </Form>
    </div>
  );
}
