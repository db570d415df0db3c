import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * A parameter whose default differs when the node runs as an AI-agent tool (the `…Tool` variant
 * n8n builds from `usableAsTool`): a model's context is small and paid for, so a tool answers
 * compactly unless its user asks for more, while the plain node keeps the default its saved
 * workflows rely on. n8n shows one of the two by the `@tool` display condition, and fills in the
 * default of the one shown.
 */
export function withToolDefault(
	property: INodeProperties,
	toolDefault: unknown,
): INodeProperties[] {
	const show = property.displayOptions?.show ?? {};
	return [
		{
			...property,
			displayOptions: { ...property.displayOptions, show: { ...show, '@tool': [false] } },
		},
		{
			...property,
			default: toolDefault as INodeProperties['default'],
			displayOptions: { ...property.displayOptions, show: { ...show, '@tool': [true] } },
		},
	];
}

/** Whether the node runs as an AI-agent tool: n8n names the tool variant's type `<type>Tool`. */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/** The "Simplify" switch: compact by default as a tool, the vendor's record as is otherwise. */
export function simplifyParameter(keeps: string): INodeProperties[] {
	return withToolDefault(
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: false,
			description: `Whether to return only ${keeps} instead of the whole record (on by default when an AI agent uses the node, to keep its answers short)`,
		},
		true,
	);
}

/** The named fields of a record that are set, in the order named. */
export function pickFields(record: IDataObject, fields: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const field of fields)
		if (record[field] !== undefined && record[field] !== null) picked[field] = record[field];
	return picked;
}

/** A text cut to `max` characters, with a mark that it was cut. */
export function clipText(text: unknown, max: number): unknown {
	if (typeof text !== 'string' || text.length <= max) return text;
	return `${text.slice(0, max - 1)}…`;
}

/**
 * What a downloaded file is, for the item's JSON: an AI agent sees only an item's JSON, never its
 * binary, so a download tells the model what was produced (name, type and size) instead of
 * answering with nothing.
 */
export function fileFacts(binary: IBinaryData): IDataObject {
	return pickFields(binary as unknown as IDataObject, ['fileName', 'mimeType', 'fileSize']);
}
