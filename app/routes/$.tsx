/**
 * Any address no other route takes: a 404 answered through the layout, so that the page
 * says so in the reader's language (the layout's loader runs; with no route at all it would not).
 */
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
