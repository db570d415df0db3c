/**
 * Static parameters are resolved once per run: what n8n is asked, and that every item still reads
 * its own expressions and its own copy of a static value.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { readStaticParametersOnce } from '../../../nodes/shared/parameters';

/** A context whose n8n read resolves `={{ item }}` to the item index, counting every read. */
function fakeContext(parameters: INode['parameters']) {
	const reads: string[] = [];
	const resolve = (value: unknown, itemIndex: number): unknown => {
		if (typeof value === 'string' && value.startsWith('=')) return `item ${itemIndex}`;
		if (Array.isArray(value)) return value.map((entry) => resolve(entry, itemIndex));
		if (value !== null && typeof value === 'object')
			return Object.fromEntries(
				Object.entries(value).map(([key, entry]) => [key, resolve(entry, itemIndex)]),
			);
		return value;
	};
	const ctx = {
		getNode: () => ({ parameters }) as INode,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			reads.push(`${name}@${itemIndex}`);
			const raw = name
				.split('.')
				.reduce<unknown>(
					(value, key) => (value as Record<string, unknown> | undefined)?.[key],
					parameters,
				);
			return raw === undefined ? fallback : resolve(raw, itemIndex);
		},
	} as unknown as IExecuteFunctions;
	return { ctx, reads };
}

describe('readStaticParametersOnce', () => {
	it('asks n8n once for a parameter without expressions, and per item for one with', () => {
		const { ctx, reads } = fakeContext({
			output: 'entries',
			docket: '={{ $json.docket }}',
			options: { timeout: 30, clientMatter: '={{ $json.matter }}' },
			cached: true,
		});
		readStaticParametersOnce(ctx);
		const seen = [0, 1, 2].map((itemIndex) => ({
			output: ctx.getNodeParameter('output', itemIndex),
			docket: ctx.getNodeParameter('docket', itemIndex),
			options: ctx.getNodeParameter('options', itemIndex),
			timeout: ctx.getNodeParameter('options.timeout', itemIndex),
			cached: ctx.getNodeParameter('cached', itemIndex),
		}));
		expect(seen[2]).toEqual({
			output: 'entries',
			docket: 'item 2',
			options: { timeout: 30, clientMatter: 'item 2' },
			timeout: 30,
			cached: true,
		});
		expect(reads.filter((read) => read.startsWith('output@'))).toEqual(['output@0']);
		expect(reads.filter((read) => read.startsWith('options.timeout@'))).toEqual([
			'options.timeout@0',
		]);
		expect(reads.filter((read) => read.startsWith('docket@'))).toHaveLength(3);
		// A collection holding an expression is read for each item.
		expect(reads.filter((read) => read.startsWith('options@'))).toHaveLength(3);
	});

	it('gives every item its own copy of a static collection, and leaves unset parameters and reads with options to n8n', () => {
		const { ctx, reads } = fakeContext({ filters: { type: 'Person', tags: ['a'] } });
		readStaticParametersOnce(ctx);
		const first = ctx.getNodeParameter('filters', 0) as { type: string; tags: string[] };
		first.type = 'changed';
		first.tags.push('b');
		expect(ctx.getNodeParameter('filters', 1)).toEqual({ type: 'Person', tags: ['a'] });
		expect(ctx.getNodeParameter('limit', 0, 50)).toBe(50);
		expect(ctx.getNodeParameter('limit', 1, 50)).toBe(50);
		ctx.getNodeParameter('filters', 2, {}, { extractValue: true });
		expect(reads).toEqual(['filters@0', 'limit@0', 'limit@1', 'filters@2']);
	});
});
