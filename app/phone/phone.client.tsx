import { hydrate } from "react-dom";
import { liveSocket } from "./live-socket.client";
import { PHONE_ROOT_ID, readPhoneData } from "./phone-data";
import { Phone } from "./phone-view";

/*
 * The delegate's phone page in the browser: built apart from Remix's scripts by
 * scripts/build-phone.mjs, with Preact standing for React, it takes over the markup the server
 * drew from the same component and opens the meeting's live connection.
 */
const data = readPhoneData(document);
const root = document.getElementById(PHONE_ROOT_ID);
if (data && root) hydrate(<Phone data={data} link={liveSocket} />, root);
