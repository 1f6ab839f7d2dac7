import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response, for the scripts Remix writes inline.
 * Only the server knows it; in the browser it is empty and nothing inline is added later.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
