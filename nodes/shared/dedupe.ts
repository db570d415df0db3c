import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

const REMEMBERED_PER_NODE = 500;
const REMEMBERED_NODES = 200;

// n8n 1.x persists static data written in a webhook call; 2.x does not. This process-wide memory
// covers vendor retries that reach the same n8n process; static data covers restarts where saved.
const memory = new Map<string, string[]>();

function remember(list: string[], id: string): string[] {
	return [...list.filter((entry) => entry !== id), id].slice(-REMEMBERED_PER_NODE);
}

/**
 * Whether this trigger node already received a delivery with this ID (compared without case);
 * records it either way. Best effort: a vendor retry that reaches another n8n process after a
 * restart may pass through.
 */
export function deliveredBefore(ctx: IWebhookFunctions, deliveryId: string): boolean {
	const id = deliveryId.toLowerCase();
	const key = `${ctx.getWorkflow().id ?? ''}/${ctx.getNode().id ?? ctx.getNode().name}`;
	const staticData = ctx.getWorkflowStaticData('node') as IDataObject;
	const stored = (staticData.recentDeliveryIds as string[] | undefined) ?? [];
	const inMemory = memory.get(key) ?? [];
	const seen = stored.includes(id) || inMemory.includes(id);
	staticData.recentDeliveryIds = remember(stored, id);
	memory.delete(key);
	memory.set(key, remember(inMemory, id));
	if (memory.size > REMEMBERED_NODES) memory.delete(memory.keys().next().value as string);
	return seen;
}
