import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PARALLEL_ITEMS } from './itemLoop';
import type { OperationTable } from './router';

/** The "Return All" / "Limit" pair every list operation offers. */
export function returnAllOrLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** The field naming the input item's binary property that holds the file to upload. */
export const inputBinaryField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the input binary field containing the file to upload',
};

/** The field naming the output binary property a download is written to. */
export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

/** The "Options" collection of an operation. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/**
 * The Options → Timeout every operation of an action node offers (as n8n's HTTP Request node does):
 * how long the vendor may stay silent before a call is given up. Unset, the transport's defaults
 * hold (see `REQUEST_TIMEOUT_MS` and `UPLOAD_TIMEOUT_MS` in `http.ts`).
 */
export function timeoutOption(vendor: string): INodeProperties {
	return {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 60,
		description: `How long ${vendor} may stay silent before a call counts as failed: a read is then tried again (a bounded number of times), a write is reported as failed. Unset: 60 seconds, 120 for a file upload.`,
	};
}

/**
 * The Options → Max Parallel Requests of a read operation: the most requests to the vendor in
 * flight at once. The transport starts at the vendor's safe level and adapts below this cap (see
 * `AdaptiveLimit` in `concurrency.ts`); by default the cap is the safe level itself.
 */
export function maxParallelOption(vendor: string, safeLevel: number): INodeProperties {
	return {
		displayName: 'Max Parallel Requests',
		name: 'maxParallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: safeLevel,
		description: `The most requests to ${vendor} in flight at once for this node's items. The node starts at ${safeLevel} (safe for ${vendor}), goes higher while ${vendor} answers fast and cleanly (never above this number), and halves on a 429, a server error or a slow answer.`,
	};
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/**
 * The node's parameters with `option` in the Options of the operations `offered` names: added to
 * the operation's own "Options" collection where it has one, else in an "Options" collection of
 * its own (one per resource, shown for the offered operations that had none).
 */
export function withOption(
	properties: INodeProperties[],
	option: INodeProperties,
	offered: (resource: string, operation: string) => boolean = () => true,
): INodeProperties[] {
	const pairs = (show: Record<string, unknown> | undefined) =>
		((show?.resource ?? []) as string[]).flatMap((resource) =>
			((show?.operation ?? []) as string[]).map((operation) => [resource, operation] as const),
		);
	const covered = new Set<string>();
	const withIt = properties.map((property) => {
		if (property.name !== 'options' || property.type !== 'collection') return property;
		const shownFor = pairs(property.displayOptions?.show);
		const offeredFor = shownFor.filter(([resource, operation]) => offered(resource, operation));
		if (!offeredFor.length) return property;
		for (const [resource, operation] of offeredFor) covered.add(`${resource}:${operation}`);
		// A collection shared with operations not offered the option shows it for the others only.
		const added =
			offeredFor.length === shownFor.length
				? option
				: {
						...option,
						displayOptions: {
							show: { '/operation': [...new Set(offeredFor.map(([, operation]) => operation))] },
						},
					};
		return {
			...property,
			options: [...(property.options as INodeProperties[]), added].sort(byDisplayName),
		};
	});
	for (const operations of properties.filter((property) => property.name === 'operation')) {
		const resources = (operations.displayOptions?.show?.resource ?? []) as string[];
		const uncovered = (operations.options as INodePropertyOptions[])
			.map((entry) => String(entry.value))
			.filter((operation) =>
				resources.some(
					(resource) => offered(resource, operation) && !covered.has(`${resource}:${operation}`),
				),
			);
		if (uncovered.length)
			withIt.push({
				...optionsCollection([option]),
				displayOptions: { show: { resource: resources, operation: uncovered } },
			});
	}
	return withIt;
}

/**
 * The node's parameters with Options → Timeout on every operation, and Options → Max Parallel
 * Requests on every operation whose items go side by side (reads, in the node's operation table).
 */
export function withOperationOptions(
	properties: INodeProperties[],
	vendor: string,
	operations: OperationTable,
	safeLevel = PARALLEL_ITEMS,
): INodeProperties[] {
	const parallel = (resource: string, operation: string) =>
		(operations[resource]?.[operation] ?? 'write') !== 'write';
	return withOption(
		withOption(properties, timeoutOption(vendor)),
		maxParallelOption(vendor, safeLevel),
		parallel,
	);
}

/** A collection less the options a form shows on their own (so no field is offered twice). */
export function withoutOptions(collection: INodeProperties, shownApart: string[]): INodeProperties {
	return {
		...collection,
		options: (collection.options as INodeProperties[]).filter(
			(option) => !shownApart.includes(option.name),
		),
	};
}

/** Display name by value of every option the named parameters offer (all resources' operations, say). */
function optionNames(properties: INodeProperties[], parameter: string): Record<string, string> {
	const entries = properties
		.filter(
			(property) =>
				property.name === parameter &&
				(property.type === 'options' || property.type === 'multiOptions'),
		)
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => [
				String(option.value),
				option.name,
			]),
		);
	// The first name given to a value wins (the same operation value is named alike across resources).
	return Object.fromEntries(entries.reverse());
}

/**
 * The canvas subtitle, in the words the editor shows: "Get Many: Contract Type" rather than the
 * stored values ("getAll: contractType"), falling back to the value for anything unnamed.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const operations = JSON.stringify(optionNames(properties, 'operation'));
	const resources = JSON.stringify(optionNames(properties, 'resource'));
	return `={{(${operations}[$parameter["operation"]] || $parameter["operation"]) + ": " + (${resources}[$parameter["resource"]] || $parameter["resource"])}}`;
}

/** A trigger's subtitle: the display names of the chosen events (one `options` or `multiOptions` parameter). */
export function eventsSubtitle(properties: INodeProperties[], parameter: string): string {
	const names = JSON.stringify(optionNames(properties, parameter));
	return `={{[].concat($parameter["${parameter}"]).map((value) => (${names})[value] || value).join(", ")}}`;
}
