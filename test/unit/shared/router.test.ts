/**
 * Each node's router checks itself: what the editor offers (the Resource and Operation options),
 * what the node's operation table lists, and the modules that carry out the operations are the same
 * sets, so an offered operation without a module, or a module never offered, fails here and not in
 * a user's workflow.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { DocJuris } from '../../../nodes/DocJuris/DocJuris.node';
import { operations as docJurisOperations } from '../../../nodes/DocJuris/actions/node.type';
import { modules as docJurisModules } from '../../../nodes/DocJuris/actions/router';
import { DocketAlarm } from '../../../nodes/DocketAlarm/DocketAlarm.node';
import { operations as docketAlarmOperations } from '../../../nodes/DocketAlarm/actions/node.type';
import { modules as docketAlarmModules } from '../../../nodes/DocketAlarm/actions/router';
import { Docketwise } from '../../../nodes/Docketwise/Docketwise.node';
import { operations as docketwiseOperations } from '../../../nodes/Docketwise/actions/node.type';
import { modules as docketwiseModules } from '../../../nodes/Docketwise/actions/router';
import { DocuMine } from '../../../nodes/DocuMine/DocuMine.node';
import { operations as docuMineOperations } from '../../../nodes/DocuMine/actions/node.type';
import { modules as docuMineModules } from '../../../nodes/DocuMine/actions/router';
import type { OperationTable } from '../../../nodes/shared/router';

const nodes: Array<[string, INodeType, OperationTable, object]> = [
	['DocJuris', new DocJuris(), docJurisOperations, docJurisModules],
	['Docket Alarm', new DocketAlarm(), docketAlarmOperations, docketAlarmModules],
	['Docketwise', new Docketwise(), docketwiseOperations, docketwiseModules],
	['DocuMine', new DocuMine(), docuMineOperations, docuMineModules],
];

const values = (options: unknown) =>
	(options as INodePropertyOptions[]).map((option) => String(option.value)).sort();

describe.each(nodes)('%s router', (_name, node, table, modules) => {
	const properties = node.description.properties;

	it('lists exactly the resources the editor offers', () => {
		expect(Object.keys(table).sort()).toEqual(
			values(properties.find((property) => property.name === 'resource')!.options),
		);
	});

	it.each(Object.keys(table))(
		'offers exactly the operations of %s that the table lists',
		(resource) => {
			const offered = properties.filter(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
			);
			expect(offered).toHaveLength(1);
			expect(Object.keys(table[resource]).sort()).toEqual(values(offered[0].options));
		},
	);

	it.each(Object.keys(table))(
		'has a module for every operation of %s, and no module left unoffered',
		(resource) => {
			const resourceModule = (modules as Record<string, Record<string, unknown>>)[resource];
			const withExecute = Object.entries(resourceModule)
				.filter(
					([, member]) =>
						typeof (member as { execute?: unknown } | undefined)?.execute === 'function',
				)
				.map(([operation]) => operation)
				.sort();
			expect(withExecute).toEqual(Object.keys(table[resource]).sort());
		},
	);
	it('offers Options → Timeout on every operation, once, and Max Parallel Requests on reads', () => {
		const collections = properties.filter(
			(property) => property.name === 'options' && property.type === 'collection',
		);
		for (const [resource, operations] of Object.entries(table))
			for (const operation of Object.keys(operations)) {
				const shown = collections.filter(
					(property) =>
						(property.displayOptions?.show?.resource as string[]).includes(resource) &&
						(property.displayOptions?.show?.operation as string[]).includes(operation),
				);
				expect({ resource, operation, options: shown.length }).toEqual({
					resource,
					operation,
					options: 1,
				});
				expect(
					(shown[0].options as Array<{ name: string }>).map((option) => option.name),
				).toContain('timeout');
				// Max Parallel Requests where items go side by side, and only there.
				const parallel = (shown[0].options as INodeProperties[]).filter(
					(option) =>
						option.name === 'maxParallelRequests' &&
						(
							(option.displayOptions?.show?.['/operation'] as string[] | undefined) ?? [operation]
						).includes(operation),
				);
				expect({ resource, operation, maxParallelRequests: parallel.length }).toEqual({
					resource,
					operation,
					maxParallelRequests: operations[operation] === 'write' ? 0 : 1,
				});
			}
	});
});
