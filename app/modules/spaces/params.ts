/** The space id of a URL, or a 404 for anything that is not one. */
export function spaceIdParam(params: { spaceId?: string }): number {
  return positiveIntParam(params.spaceId);
}

export function positiveIntParam(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) throw new Response("Not Found", { status: 404 });
  return Number(value);
}
