/**
 * The subtitles the canvas shows under each node name the chosen operation, resource and events in
 * the editor's words ("Get Many: Contract Type"), not the values stored in the workflow.
 */
import { Tournament } from '@n8n/tournament';
import type { INodeType } from 'n8n-workflow';

import { DocJuris } from '../../../nodes/DocJuris/DocJuris.node';
import { DocJurisTrigger } from '../../../nodes/DocJuris/DocJurisTrigger.node';
import { DocketAlarm } from '../../../nodes/DocketAlarm/DocketAlarm.node';
import { Docketwise } from '../../../nodes/Docketwise/Docketwise.node';
import { DocketwiseTrigger } from '../../../nodes/Docketwise/DocketwiseTrigger.node';
import { DocuMine } from '../../../nodes/DocuMine/DocuMine.node';

/** Evaluates a subtitle with n8n's own expression engine (Tournament, as n8n-workflow uses it). */
function subtitle(node: INodeType, parameters: Record<string, unknown>): string {
	const expression = String(node.description.subtitle);
	expect(expression.startsWith('={{') && expression.endsWith('}}')).toBe(true);
	return new Tournament(() => undefined).execute(expression.slice(1), {
		$parameter: parameters,
	}) as string;
}

describe('canvas subtitles', () => {
	it.each([
		[new DocJuris(), { operation: 'getAll', resource: 'contractType' }, 'Get Many: Contract Type'],
		[new DocketAlarm(), { operation: 'disable', resource: 'tracker' }, 'Disable: Tracker'],
		[new Docketwise(), { operation: 'getReceipts', resource: 'matter' }, 'Get Receipts: Matter'],
		[
			new DocuMine(),
			{ operation: 'getAll', resource: 'resultPackage' },
			'Get Many: Result Package',
		],
	])('name the operation and resource (%#)', (node, parameters, expected) => {
		expect(subtitle(node, parameters)).toBe(expected);
	});

	it('name the chosen events of a trigger', () => {
		expect(subtitle(new DocJurisTrigger(), { events: ['turnCompleted', 'turnTagged'] })).toBe(
			'Turn Completed, Turn Tagged',
		);
		expect(subtitle(new DocketwiseTrigger(), { event: 'matterStatusChanged' })).toBe(
			'Matter Status Changed',
		);
	});

	it('fall back to the stored value for anything unnamed', () => {
		expect(
			subtitle(new DocJuris(), { operation: 'someFutureOperation', resource: 'contract' }),
		).toBe('someFutureOperation: Contract');
	});
});

describe('pickers that can come up empty', () => {
	it('say why in their hint', () => {
		const locator = (node: INodeType, name: string) =>
			node.description.properties.find(
				(property) => property.name === name && property.type === 'resourceLocator',
			);
		expect(locator(new Docketwise(), 'matterId')?.hint).toContain(
			'An empty list means the firm has no matters yet',
		);
		expect(locator(new Docketwise(), 'invoiceId')?.hint).toContain('no invoices yet');
		expect(locator(new DocJuris(), 'turnId')?.hint).toContain(
			'for a contract given by an expression',
		);
		expect(locator(new DocJuris(), 'subscriptionId')?.hint).toContain(
			'empty until the account has a subscription',
		);
		expect(locator(new DocuMine(), 'fileId')?.hint).toContain(
			'choose the dossier template and dossier first',
		);
	});
});
