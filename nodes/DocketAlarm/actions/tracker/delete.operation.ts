import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { trackerTarget, trackerTargetFields } from './common';
import { setTracker } from './create.operation';

export const description = updateDisplayOptions({ show: { resource: ['tracker'], operation: ['delete'] } }, trackerTarget);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = trackerTargetFields(this, itemIndex);
	await setTracker(this, { ...target, enable: 'false' }, '', itemIndex);
	return { ...target, deleted: true };
}
