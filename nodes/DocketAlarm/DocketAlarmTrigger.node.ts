import { createHash, timingSafeEqual } from 'crypto';
import {
	NodeConnectionTypes,
	NodeOperationError,
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
import { isTrackerOf, listTrackers } from './actions/tracker/common';
import { setTracker } from './actions/tracker/create.operation';
import { withIsoDates } from './helpers/dates';
import { clientMatterFor, apiRequest } from './transport';

const PUSH_TYPES = [
	{ name: 'Docket (New Entries on a Tracked Docket)', value: 'docket' },
	{ name: 'New Case (Federal Court Alert)', value: 'new_case' },
	{ name: 'Search Results (New Hits of a Search Tracker)', value: 'search_results' },
];

interface ManagedState {
	pushUrlSubaccount?: string;
	trackers: IDataObject[];
}

function sameSecret(expected: string, given: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(expected), digest(given));
}

/** The push URL Docket Alarm must call: the webhook URL with the secret or the Basic credentials in it. */
export function pushUrl(
	webhookUrl: string,
	authentication: string,
	secret: string,
	user: string,
	password: string,
): string {
	if (authentication === 'basicAuth') {
		const url = new URL(webhookUrl);
		url.username = encodeURIComponent(user);
		url.password = encodeURIComponent(password);
		return url.toString();
	}
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(secret)}`;
}

function authenticated(ctx: IWebhookFunctions): boolean {
	const authentication = ctx.getNodeParameter('authentication', 'token') as string;
	if (authentication === 'basicAuth') {
		const header = String(ctx.getHeaderData().authorization ?? '');
		if (!header.startsWith('Basic ')) return false;
		const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
		const separator = decoded.indexOf(':');
		if (separator < 0) return false;
		const user = ctx.getNodeParameter('pushUser', '') as string;
		const password = ctx.getNodeParameter('pushPassword', '') as string;
		// Both compared, always, so the time taken says nothing about which part was wrong.
		const userOk = sameSecret(user, decodeURIComponent(decoded.slice(0, separator)));
		const passwordOk = sameSecret(password, decodeURIComponent(decoded.slice(separator + 1)));
		return !!user && !!password && userOk && passwordOk;
	}
	const secret = ctx.getNodeParameter('pushSecret', '') as string;
	const given = (ctx.getQueryData() as IDataObject).token;
	return !!secret && typeof given === 'string' && sameSecret(secret, given);
}

/** One item per new docket entry or search result, each with the fields of its notification. */
function splitNotification(notification: IDataObject): IDataObject[] {
	const { docket_report: entries, search_results: results, ...context } = notification;
	if (notification.push_type === 'docket' && Array.isArray(entries)) {
		const info = (notification.info ?? {}) as IDataObject;
		return (entries as IDataObject[]).map((entry) => ({
			push_type: 'docket',
			court: notification.court,
			docket: notification.docket,
			title: info.title,
			...entry,
		}));
	}
	if (Array.isArray(results)) {
		const { push_type, q, title, link, party_name } = context;
		return (results as IDataObject[]).map((result) => ({
			push_type,
			q,
			search_title: title,
			search_link: link,
			party_name,
			...result,
		}));
	}
	return [notification];
}

const properties: INodeProperties[] = [
	{
		displayName:
			'Docket Alarm pushes only to the account’s one push URL, so "Test this trigger" receives nothing: activate the workflow and use the Docket Alarm node’s Tracker → Send Test Push instead.',
		name: 'testNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'The push URL is this node’s Production URL with your secret (…/webhook?token=SECRET) or Basic credentials (https://user:password@host/…). Docket Alarm support sets it, or "Manage on Activation" below sets a sub-account’s.',
		name: 'pushUrlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: PUSH_TYPES,
		default: ['docket', 'search_results', 'new_case'],
		required: true,
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		default: 'token',
		options: [
			{
				name: 'Secret in URL',
				value: 'token',
				description: 'The push URL ends with ?token=SECRET',
			},
			{
				name: 'Basic Auth in URL',
				value: 'basicAuth',
				description: 'The push URL starts with https://user:password@',
			},
		],
		description:
			'How a push proves it comes from Docket Alarm (it signs nothing). Anything else is refused with 401.',
	},
	{
		displayName: 'Push Secret',
		name: 'pushSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { authentication: ['token'] } },
		description: 'A long random string, at least 16 characters, also put in the push URL',
	},
	{
		displayName: 'Push User',
		name: 'pushUser',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName: 'Push Password',
		name: 'pushPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'items',
		options: [
			{
				name: 'One Item per Entry or Result',
				value: 'items',
				description: 'Each new docket entry or search result as its own item',
			},
			{
				name: 'Whole Notification',
				value: 'notification',
				description: 'One item per push, as Docket Alarm sent it',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ignore Repeated Deliveries',
				name: 'ignoreRepeated',
				type: 'boolean',
				default: true,
				description:
					'Whether to drop a push identical to one already received (Docket Alarm retries failed deliveries up to 10 times)',
			},
		],
	},
	{
		displayName: 'Manage on Activation',
		name: 'management',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description:
			'What the trigger sets up in Docket Alarm when the workflow is activated, and undoes when it is deactivated',
		options: [
			{
				displayName: 'Set Push URL of Sub-Account',
				name: 'subaccountEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description:
					'Points this sub-account’s push URL at this trigger (needs sub-accounts enabled by Docket Alarm support)',
			},
			{
				displayName: 'Sub-Account Password',
				name: 'subaccountPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Docket Alarm asks for the sub-account’s current password to change its settings',
			},
			{
				displayName: 'Track Dockets',
				name: 'dockets',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						name: 'docket',
						displayName: 'Docket',
						values: [
							{
								displayName: 'Court',
								name: 'court',
								type: 'string',
								default: '',
								placeholder: 'New York Southern District Court',
							},
							{
								displayName: 'Docket',
								name: 'docket',
								type: 'string',
								default: '',
								placeholder: '1:11-cv-06909',
							},
						],
					},
				],
			},
			{
				displayName: 'Track Searches',
				name: 'queries',
				type: 'string',
				typeOptions: { multipleValues: true },
				default: [],
				description: 'Search queries whose new results are pushed',
			},
			{
				displayName: 'Tracking Frequency',
				name: 'frequency',
				type: 'options',
				default: 'twice_daily',
				options: [
					{ name: 'Twice a Day', value: 'twice_daily' },
					{ name: 'Weekly', value: 'weekly' },
				],
			},
		],
	},
];

export class DocketAlarmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Docket Alarm Trigger',
		name: 'docketAlarmTrigger',
		icon: { light: 'file:docketalarm.svg', dark: 'file:docketalarm.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(properties, 'events'),
		description:
			'Starts the workflow when Docket Alarm pushes new docket entries, search results or new cases',
		defaults: { name: 'Docket Alarm Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'docketAlarmApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const management = this.getNodeParameter('management', {}) as IDataObject;
				const manages =
					!!management.subaccountEmail ||
					!!(management.dockets as IDataObject)?.docket ||
					!!(management.queries as string[])?.length;
				// Nothing to register: n8n's own webhook is all a push needs. What we manage is
				// re-applied on activation, which is harmless (setting the same URL, enabling a tracker twice).
				return !manages || this.getMode() === 'manual';
			},

			async create(this: IHookFunctions): Promise<boolean> {
				if (this.getMode() === 'manual') return true;
				const authentication = this.getNodeParameter('authentication', 'token') as string;
				const secret = this.getNodeParameter('pushSecret', '') as string;
				if (authentication === 'token' && secret.length < 16) {
					throw new NodeOperationError(
						this.getNode(),
						'Push Secret must be at least 16 characters',
						{
							description:
								'It is the only thing that tells Docket Alarm’s pushes from anyone else’s calls.',
						},
					);
				}
				const management = this.getNodeParameter('management', {}) as IDataObject;
				const state: ManagedState = { trackers: [] };
				const staticData = this.getWorkflowStaticData('node');
				// What an earlier activation switched on stays ours (n8n activates again after a restart).
				const earlier = (staticData.managed as unknown as ManagedState | undefined)?.trackers ?? [];
				try {
					if (management.subaccountEmail) {
						const url = pushUrl(
							this.getNodeWebhookUrl('default') as string,
							authentication,
							secret,
							this.getNodeParameter('pushUser', '') as string,
							this.getNodeParameter('pushPassword', '') as string,
						);
						await apiRequest(this, 'POST', 'subaccount/', {
							fields: {
								username: management.subaccountEmail,
								password: management.subaccountPassword,
								enable: 'true',
								api_push_url: url,
							},
							idempotent: true,
						});
						state.pushUrlSubaccount = String(management.subaccountEmail);
					}
					const clientMatter = await clientMatterFor(this, undefined);
					const targets: IDataObject[] = [
						...(((management.dockets as IDataObject)?.docket as IDataObject[]) ?? []).map(
							({ court, docket }) => ({ court, docket }),
						),
						...((management.queries as string[]) ?? [])
							.filter(Boolean)
							.map((q) => ({ q, court: '', docket: '' })),
					];
					// Trackers the user already had switched on stay theirs: deactivation switches off only
					// those this activation switched on. A search tracker the list does not show (the API
					// does not say it lists them) counts as the user's unless the list shows searches.
					const existing = targets.length ? await listTrackers(this) : [];
					const listsSearches = existing.some((tracker) => !!tracker.q);
					for (const target of targets) {
						const listed = existing.find((tracker) => isTrackerOf(tracker, target));
						const ours = earlier.some((tracker) => isTrackerOf(tracker, target));
						const wasOn =
							!ours && (listed ? listed.enabled === true : !!target.q && !listsSearches);
						await setTracker(
							this,
							{ ...target, enable: 'true', frequency: management.frequency ?? 'twice_daily' },
							clientMatter,
						);
						if (!wasOn) state.trackers.push(target);
					}
				} catch (error) {
					// Activation failed: record what was set up, so deactivation can still undo it.
					staticData.managed = state as unknown as IDataObject;
					throw asNodeError(this.getNode(), error);
				}
				staticData.managed = state as unknown as IDataObject;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				// A test listen set nothing up; what the active workflow set up must stay.
				if (this.getMode() === 'manual') return true;
				const staticData = this.getWorkflowStaticData('node');
				const state = staticData.managed as unknown as ManagedState | undefined;
				if (!state) return true;
				for (const target of state.trackers)
					await setTracker(this, { ...target, enable: 'false' }, '');
				if (state.pushUrlSubaccount) {
					const management = this.getNodeParameter('management', {}) as IDataObject;
					await apiRequest(this, 'POST', 'subaccount/', {
						fields: {
							username: state.pushUrlSubaccount,
							password: management.subaccountPassword,
							enable: 'true',
							api_push_url: '',
						},
						idempotent: true,
					});
				}
				delete staticData.managed;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		if (!authenticated(this)) {
			if (this.getNodeParameter('authentication', 'token') === 'basicAuth')
				response.setHeader('WWW-Authenticate', 'Basic realm="Docket Alarm push"');
			response.status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData() as IDataObject;
		if (!body || typeof body !== 'object' || typeof body.push_type !== 'string') {
			response.status(400).json({ message: 'Not a Docket Alarm push: "push_type" is missing' });
			return { noWebhookResponse: true };
		}
		if (!(this.getNodeParameter('events', []) as string[]).includes(body.push_type)) {
			response.status(200).json({ received: true, ignored: 'event not selected' });
			return { noWebhookResponse: true };
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		// Pushes carry no ID; a retry repeats the same body, so its digest identifies it.
		const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex');
		if (options.ignoreRepeated !== false && deliveredBefore(this, digest)) {
			response.status(200).json({ received: true, ignored: 'repeated delivery' });
			return { noWebhookResponse: true };
		}
		const notification = withIsoDates(body);
		const items =
			this.getNodeParameter('output', 'items') === 'notification'
				? [notification]
				: splitNotification(notification);
		if (!items.length) {
			response.status(200).json({ received: true, ignored: 'nothing new in the push' });
			return { noWebhookResponse: true };
		}
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
