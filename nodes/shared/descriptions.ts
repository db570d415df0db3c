import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/**
 * The node's parameters with Options → Timeout on every operation: added to the operation's own
 * "Options" collection where it has one, else in an "Options" collection of its own (one per
 * resource, shown for the operations that had none).
 */
export function withTimeoutOption(
	properties: INodeProperties[],
	vendor: string,
): INodeProperties[] {
	const timeout = timeoutOption(vendor);
	const covered = new Set<string>();
	const withTimeout = properties.map((property) => {
		if (property.name !== 'options' || property.type !== 'collection') return property;
		const show = property.displayOptions?.show ?? {};
		for (const resource of (show.resource ?? []) as string[])
			for (const operation of (show.operation ?? []) as string[])
				covered.add(`${resource}:${operation}`);
		return {
			...property,
			options: [...(property.options as INodeProperties[]), timeout].sort(byDisplayName),
		};
	});
	for (const operations of properties.filter((property) => property.name === 'operation')) {
		const resources = (operations.displayOptions?.show?.resource ?? []) as string[];
		const uncovered = (operations.options as INodePropertyOptions[])
			.map((option) => String(option.value))
			.filter((operation) =>
				resources.some((resource) => !covered.has(`${resource}:${operation}`)),
			);
		if (uncovered.length)
			withTimeout.push({
				...optionsCollection([timeout]),
				displayOptions: { show: { resource: resources, operation: uncovered } },
			});
	}
	return withTimeout;
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
