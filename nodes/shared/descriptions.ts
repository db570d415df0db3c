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
