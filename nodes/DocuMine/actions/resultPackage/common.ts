import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../../shared/items';

export const packageIdField: INodeProperties = { displayName: 'Package ID', name: 'downloadId', type: 'string', default: '', required: true };

export const packageId = (ctx: IExecuteFunctions, itemIndex: number) => requireText(ctx, ctx.getNodeParameter('downloadId', itemIndex), 'Package ID', itemIndex);
