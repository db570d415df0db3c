import { sleep } from 'n8n-workflow';

import { AdaptiveLimit } from './concurrency';

// A request reaches the vendor a little after we send it, and not always equally late: slots keep
// this much room so the vendor's own count never sees one request too many.
const PACING_MARGIN_MS = 250;

/**
 * What one credential shares across every request of this n8n process: the request times that
 * pace it within the vendor's budget, the window of requests in flight, and its token renewals (the one in progress, and when the
 * last one ended), so a refused token is renewed once however many items find it refused.
 */
export class CredentialSession {
	private recentRequests: number[] = [];

	private inFlight?: AdaptiveLimit;

	private renewal: { inProgress?: Promise<void>; endedAt: number } = { endedAt: 0 };

	/** When the last renewal ended (0 before any). */
	get renewedAt(): number {
		return this.renewal.endedAt;
	}

	/**
	 * Waits, if needed, so the requests stay within `requests` per `windowMs`: each request reserves
	 * the earliest time slot that keeps the budget.
	 */
	async pace({ requests, windowMs }: { requests: number; windowMs: number }): Promise<void> {
		const now = Date.now();
		const slots = this.recentRequests.filter((time) => time > now - windowMs);
		const slot =
			slots.length >= requests
				? Math.max(now, slots[slots.length - requests] + windowMs + PACING_MARGIN_MS)
				: now;
		slots.push(slot);
		this.recentRequests = slots;
		if (slot > now) await sleep(slot - now);
	}

	/** The window of requests in flight at once for this credential (made at the vendor's safe level). */
	window(safeLevel: number): AdaptiveLimit {
		return (this.inFlight ??= new AdaptiveLimit(safeLevel));
	}

	/**
	 * Decides who renews a refused or stale token. Returns a function to call when the renewing
	 * request has been answered if the caller should lead the renewal, or undefined once another
	 * request has renewed the token since `since` (after waiting for it to finish): the stored token
	 * is new, re-send.
	 */
	async leadRenewal(since: number): Promise<(() => void) | undefined> {
		const current = this.renewal;
		if (current.inProgress) {
			await current.inProgress;
			return undefined;
		}
		if (current.endedAt >= since) return undefined;
		let end!: () => void;
		const inProgress = new Promise<void>((resolve) => (end = resolve));
		this.renewal = { inProgress, endedAt: current.endedAt };
		return () => {
			this.renewal = { endedAt: Date.now() };
			end();
		};
	}
}

const sessions = new Map<string, CredentialSession>();

/** The session of one credential (by type and ID) in this n8n process. */
export function credentialSession(key: string): CredentialSession {
	let session = sessions.get(key);
	if (!session) sessions.set(key, (session = new CredentialSession()));
	return session;
}
