import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../components/i18n";
import { MeetingForm } from "../components/meeting-form";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { listAuthorities } from "../modules/authorities/authorities.server";
import { errorsOf, formValues } from "../modules/forms";
import { meetingInput } from "../modules/meetings/meeting-form.server";
import { MeetingSchema } from "../modules/meetings/meetings.schemas";
import { planMeeting } from "../modules/meetings/meetings.server";
import { toLocalDateTime } from "../modules/meetings/times";
import { meetingMessage } from "../modules/meetings/messages";
import { spaceIdParam } from "../modules/spaces/params";
import { listFacilitators } from "../modules/spaces/spaces.server";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meetings.new");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "meeting.run", { spaceId });
  const space = requireSpace(context.db, params);
  // Next week, same hour, as a starting point.
  const startsAt = toLocalDateTime(Math.ceil((context.now() + 7 * 86_400_000) / 3_600_000) * 3_600_000);
  return {
    space: { id: space.id, name: space.name },
    // The space's facilitators, to choose who runs the meeting (their account ids: for facilitators only).
    facilitators: listFacilitators(context.db, spaceId).map((f) => ({ userId: f.userId, name: f.name })),
    authorities: listAuthorities(context.db, space).map((a) => ({ id: a.id, name: a.name })),
    defaults: { startsAt, facilitatorIds: [current.user.id] },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "meeting.run", { spaceId });
  const form = await request.formData();
  const values = formValues(form);
  const parsed = MeetingSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = planMeeting(context.db, current.actor, spaceId, meetingInput(parsed.data, form), context.now());
  if (!result.ok) return data({ values, errors: { form: meetingMessage(result.code) } }, { status: 400 });
  throw redirect(`/espaces/${spaceId}/reunions/${result.value.id}`);
}

export default function NewMeeting() {
  const { space, facilitators, authorities, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values = result ? { ...result.values, published: result.values.published === "on" } : defaults;
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("meetings.new")}</h1>
      <MeetingForm values={values} errors={result?.errors} facilitators={facilitators} authorities={authorities} submitLabel={t("meetings.plan")} />
    </div>
  );
}
