import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { requireMaxLength } from '../../shared/validators';

/** The client matter a node sets, checked against Docket Alarm's 50-character limit. */
export function clientMatterParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection?: string,
): string | undefined {
	const value = collection
		? ((ctx.getNodeParameter(collection, itemIndex, {}) as { clientMatter?: string })
				.clientMatter ?? '')
		: (ctx.getNodeParameter('clientMatter', itemIndex, '') as string);
	const text = String(value).trim();
	return text ? requireMaxLength(ctx, text, 50, 'Client Matter', itemIndex) : undefined;
}

export function failValidation(
	ctx: IExecuteFunctions,
	message: string,
	itemIndex: number,
	description?: string,
): never {
	throw new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
}
