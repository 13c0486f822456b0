import { createContext } from "preact";
import { useContext } from "preact/hooks";

/**
 * What every output of a log that does not verify must say ("NOT VERIFIED (TIDAK TERVERIFIKASI):
 * line 12: BAD_SIGNATURE; …"), undefined for a verified log or an import. The app provides it;
 * the print stamps it on every page and the downloads are refused while it is set.
 */
export const UnverifiedMark = createContext<string | undefined>(undefined);

export const useUnverifiedMark = (): string | undefined => useContext(UnverifiedMark);
