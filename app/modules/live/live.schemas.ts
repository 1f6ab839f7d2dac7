import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { PRIORITY_RULES } from "./priority";
import { TURN_LIMITS } from "./turn-limits";


const id = z.coerce.number().int().positive();

/** Every console form, by its intent, as the command takes it. */
export const ConsoleActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), attendanceId: id }).transform((v) => ({ type: "add" as const, attendanceId: v.attendanceId })),
  z.object({ intent: z.literal("accept"), turnId: id }).transform((v) => ({ type: "accept" as const, turnId: v.turnId })),
  z.object({ intent: z.literal("withdraw"), turnId: id }).transform((v) => ({ type: "withdraw" as const, turnId: v.turnId })),
  z
    .object({ intent: z.literal("restore"), turnId: id, to: z.enum(["requested", "queued"], { error: "error.invalid" }) })
    .transform((v) => ({ type: "restore" as const, turnId: v.turnId, to: v.to })),
  z.object({ intent: z.literal("move"), turnId: id, direction: z.enum(["up", "down", "top"]) }).transform((v) => ({ type: "move" as const, turnId: v.turnId, direction: v.direction })),
  z.object({ intent: z.literal("start"), turnId: id }).transform((v) => ({ type: "start" as const, turnId: v.turnId })),
  z.object({ intent: z.literal("stop") }).transform(() => ({ type: "stop" as const })),
  z.object({ intent: z.literal("item"), itemId: id }).transform((v) => ({ type: "item" as const, itemId: v.itemId })),
  z
    .object({ intent: z.literal("limit"), seconds: z.coerce.number().int().refine((s) => (TURN_LIMITS as readonly number[]).includes(s), { error: "error.invalid" }) })
    .transform((v) => ({ type: "limit" as const, seconds: v.seconds })),
  z.object({ intent: z.literal("priority"), rule: z.enum(PRIORITY_RULES, { error: "error.invalid" }) }).transform((v) => ({ type: "priority" as const, rule: v.rule })),
  z
    .object({ intent: z.literal("message"), text: z.string().trim().max(500, { error: "error.tooLong" }) })
    .transform((v) => ({ type: "message" as const, text: v.text === "" ? null : v.text })),
  z.object({ intent: z.literal("message-clear") }).transform(() => ({ type: "message" as const, text: null })),
  z
    .object({ intent: z.literal("screen-locale"), locale: z.enum(LOCALES, { error: "error.invalid" }) })
    .transform((v) => ({ type: "screen-locale" as const, locale: v.locale })),
  z.object({ intent: z.literal("commitment-show"), commitmentId: id }).transform((v) => ({ type: "commitment" as const, commitmentId: v.commitmentId })),
  z.object({ intent: z.literal("commitment-hide") }).transform(() => ({ type: "commitment" as const, commitmentId: null })),
]);

export const DelegateActionSchema = z.object({ intent: z.enum(["request", "withdraw"]) }).transform((v) => ({ type: v.intent }));
