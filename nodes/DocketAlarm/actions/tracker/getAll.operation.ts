import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { redact } from '../../../shared/errors';
import { limitParameter } from '../../../shared/parameters';
import { withIsoDates } from '../../helpers/dates';
import { listTrackers } from './common';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Push Debug Info',
				name: 'includeDebugInfo',
				type: 'boolean',
				default: false,
				description:
					'Whether to include Docket Alarm’s record of its last push for each tracker (for debugging only; the vendor may drop it)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['tracker'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const trackers = await listTrackers(this, limitParameter(this, itemIndex), itemIndex);
	return withIsoDates(
		trackers.map(({ _api_push_debug_info: debug, ...tracker }) => {
			if (!options.includeDebugInfo || !debug) return tracker;
			// The push URL may embed Basic credentials (https://user:secret@host/…).
			return {
				...tracker,
				_api_push_debug_info: JSON.parse(redact(JSON.stringify(debug))) as IDataObject,
			};
		}),
	);
}
