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
import { canEditPlan } from "../modules/meetings/meeting-state";
import { MeetingSchema } from "../modules/meetings/meetings.schemas";
import { updateMeeting } from "../modules/meetings/meetings.server";
import { toLocalDateTime } from "../modules/meetings/times";
import { meetingMessage } from "../modules/meetings/messages";
import { getSpace, listFacilitators } from "../modules/spaces/spaces.server";
import { meetingFromParams } from "../modules/meetings/meeting-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "meetings.edit");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingFromParams(context.db, params);
  requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const space = getSpace(context.db, meeting.spaceId)!;
  return {
    meeting: { id: meeting.id, title: meeting.title, editable: canEditPlan(meeting.status) },
    space: { id: space.id, name: space.name },
    // The space's facilitators, to choose who runs the meeting (their account ids: for facilitators only).
    facilitators: listFacilitators(context.db, space.id).map((f) => ({ userId: f.userId, name: f.name })),
    authorities: listAuthorities(context.db, space).map((a) => ({ id: a.id, name: a.name })),
    values: {
      kind: meeting.kind,
      title: meeting.title,
      startsAt: toLocalDateTime(meeting.startsAt),
      endsAt: meeting.endsAt ? toLocalDateTime(meeting.endsAt) : undefined,
      place: meeting.place,
      published: meeting.published,
      facilitatorIds: meeting.facilitators.map((f) => f.id),
      authorityIds: meeting.authorities.map((a) => a.id),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const form = await request.formData();
  const values = formValues(form);
  const parsed = MeetingSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = updateMeeting(context, current.actor, meeting.id, meetingInput(parsed.data, form), context.now());
  if (!result.ok) return data({ values, errors: { form: meetingMessage(result.code) } }, { status: 400 });
  throw redirect(`/espaces/${meeting.spaceId}/reunions/${meeting.id}`);
}

export default function EditMeeting() {
  const { meeting, space, facilitators, authorities, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const shown = result ? { ...result.values, published: result.values.published === "on" } : values;
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }, { to: `/espaces/${space.id}/reunions/${meeting.id}`, label: meeting.title }]} />
      <h1>{t("meetings.edit")}</h1>
      {meeting.editable ? (
        <MeetingForm values={shown} errors={result?.errors} facilitators={facilitators} authorities={authorities} submitLabel={t("common.save")} />
      ) : (
        <p className="notice">{t("meetings.notEditable")}</p>
      )}
    </div>
  );
}
