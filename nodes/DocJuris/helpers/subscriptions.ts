import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import type { RequestContext } from '../../shared/http';
import { apiRequest } from '../transport';

export interface Subscription extends IDataObject {
	id: string;
	type?: string;
	created?: string;
}

const ROUTE_NOT_OFFERED = new Set(['400', '404', '405']);

/**
 * Subscribes a URL to one event type. DocJuris documents `POST /subscriptions {webhookUrl, type}`;
 * its own connector uses `POST /subscriptions/{type}` (which also offers screeningReportUpdated).
 * We use the documented route and fall back to the typed one if it is refused, so both work.
 */
export async function createSubscription(
	ctx: RequestContext,
	type: string,
	webhookUrl: string,
	itemIndex?: number,
): Promise<Subscription> {
	let created: Subscription;
	try {
		created = await apiRequest<Subscription>(ctx, 'POST', '/subscriptions', {
			body: { webhookUrl, type },
			itemIndex,
		});
	} catch (error) {
		if (!(error instanceof NodeApiError) || !ROUTE_NOT_OFFERED.has(String(error.httpCode))) {
			throw asNodeError(ctx.getNode(), error, itemIndex);
		}
		created = await apiRequest<Subscription>(ctx, 'POST', `/subscriptions/${type}`, {
			body: { webhookUrl },
			itemIndex,
			label: 'POST /subscriptions/{type}',
		});
	}
	return { type, ...created };
}

export async function listSubscriptions(
	ctx: RequestContext,
	itemIndex?: number,
): Promise<Subscription[]> {
	const list = await apiRequest<Subscription[]>(ctx, 'GET', '/subscriptions', { itemIndex });
	return Array.isArray(list) ? list : [];
}

/** Deletes a subscription. With `missingIsDeleted`, one DocJuris no longer knows counts as deleted. */
export async function deleteSubscription(
	ctx: RequestContext,
	id: string,
	{ missingIsDeleted = false, itemIndex }: { missingIsDeleted?: boolean; itemIndex?: number } = {},
): Promise<void> {
	try {
		await apiRequest(ctx, 'DELETE', `/subscriptions/${id}`, { itemIndex });
	} catch (error) {
		if (missingIsDeleted && error instanceof NodeApiError && String(error.httpCode) === '404')
			return;
		throw asNodeError(ctx.getNode(), error, itemIndex);
	}
}

export function sameId(a: unknown, b: unknown): boolean {
	return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
