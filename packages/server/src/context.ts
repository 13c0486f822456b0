import type { PlanCatalog } from "@rapk/store";
import type { EventStore } from "@rapk/store";
import type { ChallengeBook } from "./access/challenges.js";
import type { DraftBook } from "./writes/draftBook.js";
import type { RateLimit } from "./access/rateLimit.js";
import type { Member, RosterLookup } from "./access/roster.js";
import type { Session, SessionBook } from "./access/sessions.js";
import type { PlanReader, ReadPlan } from "./plans/planReader.js";

/** What the routes share: the store and the server's books. */
export interface ServerParts {
  readonly store: EventStore;
  readonly catalog: PlanCatalog;
  readonly plans: PlanReader;
  readonly roster: RosterLookup;
  readonly sessions: SessionBook;
  readonly challenges: ChallengeBook;
  readonly drafts: DraftBook;
  /** The server's clock, in milliseconds. */
  readonly now: () => number;
  readonly signInLimit: RateLimit;
  readonly origin: string | undefined;
  readonly log: (line: string) => void;
}

/** What a request carries once its route's rule has let it in. */
export interface AppEnv {
  Variables: {
    session: Session | undefined;
    /** The caller as a member of the plan the path names (member routes). */
    member: Member | undefined;
    /** That plan, read and verified as far as the rule needed. */
    readPlan: ReadPlan | undefined;
  };
}
