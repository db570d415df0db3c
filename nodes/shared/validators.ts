import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a GUID before it is sent, so a typo fails here with a clear message, not at the vendor. */
export function requireGuid(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty [item ${itemIndex}]`, {
			itemIndex,
			description: `Enter the ${label} (a GUID such as 4fd24682-dba7-4b8b-84de-6c0d47fde78c).`,
		});
	}
	if (!GUID.test(text)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} "${text}" is not a valid ID [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Expected a GUID such as 4fd24682-dba7-4b8b-84de-6c0d47fde78c. Check the expression or the value you pasted.`,
			},
		);
	}
	return text;
}

/** Checks an integer ID (a positive whole number) before it is sent. */
export function requirePositiveInteger(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	if (!Number.isInteger(number) || number <= 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} "${String(value)}" is not a valid ID [item ${itemIndex}]`,
			{
				itemIndex,
				description: `${label} must be a positive whole number.`,
			},
		);
	}
	return number;
}

/** Checks that a required text is present and within the vendor's length limit. */
export function requireText(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	maxLength?: number,
): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty [item ${itemIndex}]`, {
			itemIndex,
			description: `Enter a value for ${label}, or check that the expression resolves for this item.`,
		});
	}
	return maxLength === undefined ? text : requireMaxLength(ctx, text, maxLength, label, itemIndex);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(
	ctx: IExecuteFunctions,
	value: string,
	label: string,
	itemIndex: number,
): string {
	const text = value.trim();
	if (!EMAIL.test(text)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} "${text}" is not a valid email address [item ${itemIndex}]`,
			{
				itemIndex,
			},
		);
	}
	return text;
}

/** Checks a text's length against a vendor limit. */
export function requireMaxLength(
	ctx: IExecuteFunctions,
	value: string,
	max: number,
	label: string,
	itemIndex: number,
): string {
	if (value.length > max) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} is ${value.length} characters long; the limit is ${max} [item ${itemIndex}]`,
			{ itemIndex },
		);
	}
	return value;
}
