/** A CSV download that Excel opens with accents intact. */
export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // ASCII only, the accents dropped rather than the letters ("Makòn" gives Makon, not Mak-n).
      "Content-Disposition": `attachment; filename="${filename.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\w.-]+/g, "-")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
