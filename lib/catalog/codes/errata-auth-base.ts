/** Shared by Errata's own authentication codes (keys and signatures). */
export const authBase = { family: "auth", origin: "errata", returnedByErrata: true } as const;

export const RESEND = "Events in a rejected request were not stored: buffer them on the sending side and resend once fixed, rather than dropping them.";
