import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { eventsSubtitle } from '../shared/descriptions';
import { deliveredBefore } from '../shared/dedupe';
import { asNodeError } from '../shared/errors';
import { EVENT_TYPES } from './actions/common.descriptions';
import { normaliseEventType } from './helpers/utils';
import {
	createSubscription,
	deleteSubscription,
	listSubscriptions,
	sameId,
} from './helpers/subscriptions';
import { apiRequest } from './transport';

const EVENT_VALUES = EVENT_TYPES.map((event) => event.value);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What we registered at DocJuris for one webhook URL (test and production are kept apart). The
 * secret in the subscriptions' URLs is never stored: n8n 1.x copies workflow static data into every
 * stored execution, where anyone who may read executions would find it. Only its SHA-256 digest is
 * kept, which tells a delivery's token true or false and cannot be turned back into a token (the
 * secret is 32 random bytes).
 */
interface Registration {
	webhookUrl: string;
	/** Digests of the tokens the live subscriptions carry (older ones stay valid while kept). */
	tokenDigests: string[];
	/** Before digests were kept: the secret itself. Read once more, then replaced by its digest. */
	secret?: string;
	/** Subscription ID per event type. */
	subscriptions: Record<string, string>;
}

type Slot = 'test' | 'production';

/**
 * Which registration a hook is about. A test listen registers in mode `manual`, but n8n removes its
 * webhooks (when the test event arrived, the listen was stopped or it timed out) in mode `internal`:
 * that removal is told apart by its URL, the test webhook's.
 */
function slotOf(ctx: IHookFunctions | IWebhookFunctions): Slot {
	if (ctx.getMode() === 'manual') return 'test';
	const test = registrations(ctx).test;
	return test && test.webhookUrl === ctx.getNodeWebhookUrl('default') ? 'test' : 'production';
}

function registrations(
	ctx: IHookFunctions | IWebhookFunctions,
): Partial<Record<Slot, Registration>> {
	const staticData = ctx.getWorkflowStaticData('node');
	staticData.registrations ??= {};
	return staticData.registrations as Partial<Record<Slot, Registration>>;
}

/** DocJuris signs nothing, so the URL it calls carries our secret (as its guide suggests). */
function urlWithSecret(webhookUrl: string, secret: string): string {
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}token=${secret}`;
}

function tokenDigest(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** The digests a registration accepts (a registration from before digests holds the secret). */
function acceptedDigests(registration: Registration | undefined): string[] {
	if (!registration) return [];
	return [
		...(registration.tokenDigests ?? []),
		...(typeof registration.secret === 'string' ? [tokenDigest(registration.secret)] : []),
	];
}

function digestsMatch(expected: string, given: string): boolean {
	return (
		expected.length === given.length &&
		timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'))
	);
}

function selectedEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	return [...new Set(ctx.getNodeParameter('events', []) as string[])];
}

const properties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_TYPES,
		default: ['turnCompleted'],
		required: true,
		description: 'The events to listen to. One DocJuris subscription is made per event.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Turn Details',
				name: 'fetchTurnDetails',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the turn’s full details (tags, file name, URLs) to the output as `turn`, with one more request per event',
			},
			{
				displayName: 'Ignore Repeated Messages',
				name: 'ignoreRepeatedMessages',
				type: 'boolean',
				default: true,
				description: 'Whether to drop a message whose messageId was already delivered',
			},
		],
	},
];

export class DocJurisTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocJuris Trigger',
		name: 'docJurisTrigger',
		icon: { light: 'file:docjuris.svg', dark: 'file:docjuris.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(properties, 'events'),
		description:
			'Starts the workflow when a turn is created, completed, tagged or mentioned in DocJuris',
		defaults: { name: 'DocJuris Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'docJurisApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = registrations(this)[slotOf(this)];
				if (!registration) return false;
				const events = selectedEvents(this);
				const registeredEvents = Object.keys(registration.subscriptions);
				if (registration.webhookUrl !== this.getNodeWebhookUrl('default')) return false;
				if (
					events.length !== registeredEvents.length ||
					!events.every((event) => registration.subscriptions[event])
				)
					return false;
				// DocJuris does not return subscription URLs, so we check our stored IDs are still live.
				const live = await listSubscriptions(this);
				return events.every((event) =>
					live.some((subscription) => sameId(subscription.id, registration.subscriptions[event])),
				);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const slot = slotOf(this);
				const all = registrations(this);
				// A test listen whose end n8n never reported (n8n stopped meanwhile) left subscriptions
				// at DocJuris calling a dead test URL: take them back before registering anew.
				if (
					all.test &&
					(slot === 'production' || all.test.webhookUrl !== this.getNodeWebhookUrl('default'))
				) {
					for (const id of Object.values(all.test.subscriptions))
						await deleteSubscription(this, id, { missingIsDeleted: true }).catch(() => undefined);
					delete all.test;
				}
				const previous = all[slot];
				const webhookUrl = this.getNodeWebhookUrl('default') as string;
				const events = selectedEvents(this);
				const live = previous ? await listSubscriptions(this) : [];
				const isLive = (id: string) => live.some((subscription) => sameId(subscription.id, id));

				// Keep what is still right, remove what is stale: never two subscriptions for one event.
				const kept: Record<string, string> = {};
				for (const [event, id] of Object.entries(previous?.subscriptions ?? {})) {
					if (previous!.webhookUrl === webhookUrl && events.includes(event) && isLive(id))
						kept[event] = id;
					else if (isLive(id)) await deleteSubscription(this, id, { missingIsDeleted: true });
				}
				// Kept subscriptions carry an earlier token, still accepted; new ones get a new token.
				const keptDigests = Object.keys(kept).length ? acceptedDigests(previous) : [];
				const secret = randomBytes(32).toString('hex');
				const created: Record<string, string> = {};
				try {
					for (const event of events.filter((name) => !kept[name])) {
						const subscription = await createSubscription(
							this,
							event,
							urlWithSecret(webhookUrl, secret),
						);
						created[event] = subscription.id;
					}
				} catch (error) {
					// Activation failed: take back what this attempt created so nothing is left behind.
					for (const id of Object.values(created))
						await deleteSubscription(this, id, { missingIsDeleted: true });
					throw asNodeError(this.getNode(), error);
				}
				const tokenDigests = [
					...new Set([
						...keptDigests,
						...(Object.keys(created).length ? [tokenDigest(secret)] : []),
					]),
				];
				all[slot] = { webhookUrl, tokenDigests, subscriptions: { ...kept, ...created } };
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const slot = slotOf(this);
				const all = registrations(this);
				const registration = all[slot];
				if (!registration) return true;
				const remaining: Record<string, string> = {};
				let firstError: unknown;
				for (const [event, id] of Object.entries(registration.subscriptions)) {
					try {
						await deleteSubscription(this, id, { missingIsDeleted: true });
					} catch (error) {
						remaining[event] = id;
						firstError ??= error;
					}
				}
				if (firstError) {
					// Keep what could not be removed, so the next deactivation tries again.
					registration.subscriptions = remaining;
					throw asNodeError(this.getNode(), firstError);
				}
				delete all[slot];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const token = (this.getQueryData() as IDataObject).token;
		const known = Object.values(registrations(this)).flatMap(acceptedDigests);
		if (
			typeof token !== 'string' ||
			!known.some((digest) => digestsMatch(digest, tokenDigest(token)))
		) {
			response.status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}

		const body = this.getBodyData() as IDataObject;
		const event = normaliseEventType(body?.type, EVENT_VALUES);
		if (!event) {
			response.status(400).json({ message: 'Not a DocJuris event: "type" is missing or unknown' });
			return { noWebhookResponse: true };
		}
		if (!selectedEvents(this).includes(event)) {
			response.status(200).json({ received: true, ignored: 'event not selected' });
			return { noWebhookResponse: true };
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (
			options.ignoreRepeatedMessages !== false &&
			typeof body.messageId === 'string' &&
			deliveredBefore(this, body.messageId)
		) {
			response.status(200).json({ received: true, ignored: 'repeated message' });
			return { noWebhookResponse: true };
		}

		const item: IDataObject = { ...body, event };
		if (
			options.fetchTurnDetails &&
			GUID.test(String(body.contractId)) &&
			GUID.test(String(body.turnId))
		) {
			// Built from the IDs: the payload's `url` points at the app or the API depending on the event.
			try {
				item.turn = await apiRequest<IDataObject>(
					this,
					'GET',
					`/contracts/${body.contractId}/turns/${body.turnId}`,
					{},
				);
			} catch (error) {
				// The event itself must not be lost because the extra lookup failed.
				item.turnError = (error as Error).message;
			}
		}
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
