/**
 * What the delegates' phone page reads its forms with, behind `.server`: its action's schemas
 * and form plumbing never reach the phone's scripts (zod alone is ~90 KB gzipped, on 3G).
 * Imported straight into the route, esbuild keeps their modules for their top-level calls.
 */
export { formValues } from "../forms";
export { DelegateActionSchema } from "./live.schemas";
export { BallotSchema } from "../polls/polls.schemas";
