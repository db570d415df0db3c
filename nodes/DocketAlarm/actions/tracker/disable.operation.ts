import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { trackerTarget, trackerTargetFields } from './common';
import { setTracker } from './create.operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['tracker'], operation: ['disable'] } },
	trackerTarget,
);

/**
 * Docket Alarm has no delete for trackers: `track/` with `enable=false` switches one off. It stays
 * in the account's list (Get Many shows it with `enabled: false`) and Create switches it on again.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = trackerTargetFields(this, itemIndex);
	await setTracker(this, { ...target, enable: 'false' }, '', itemIndex);
	return { ...target, enabled: false, disabled: true };
}
