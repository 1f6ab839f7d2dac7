import { readPhoneData, type PhoneData } from "./phone-data";

/**
 * Posts one of the page's forms as the browser would without a script, and reads the page the
 * server answers with (its data, for the phone to draw; the document itself is left as it is):
 * the same HTML, the same redirect after a ballot, and no API of its own.
 *
 * A keyed post (`resend`) is sent again with the same key each time the network fails on the
 * way, before it left or with its answer lost: the server applies its key once and answers a
 * retry as it answered the first. `resending` says when it is waiting for the network. A post
 * without a key (a ballot, whose outbox sends it again itself) is tried once: null when it
 * failed. An answer that is not this page (signed out, an error) is shown as the page.
 */
export async function postPage(action: string, body: URLSearchParams, options: { resend?: boolean; resending?: (waiting: boolean) => void } = {}): Promise<PhoneData | null> {
  for (let attempt = 0; ; attempt++) {
    let html: string;
    let url: string;
    try {
      const response = await fetch(action, { method: "POST", body, credentials: "same-origin" });
      html = await response.text();
      url = response.url;
    } catch (error) {
      if (!(error instanceof TypeError) || !options.resend) return null;
      options.resending?.(true);
      await networkBack(Math.min(1000 * 2 ** attempt, 15_000));
      continue;
    }
    if (attempt > 0) options.resending?.(false);
    const data = readPhoneData(new DOMParser().parseFromString(html, "text/html"));
    if (!data) window.location.assign(url);
    return data;
  }
}

/** Resolves when the network is back (offline) or after `ms` (the device thinks it is online). */
function networkBack(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      resolve();
    };
    // Offline, only the network's return is worth a try; the timer is a safety net.
    const timer = setTimeout(done, navigator.onLine === false ? 60_000 : ms);
    window.addEventListener("online", done);
  });
}
