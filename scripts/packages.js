// The installable packages this repository builds: one per vendor (n8n accepts one third-party
// service per package). A package name is part of every saved node type, so never rename one.
'use strict';

const repository = 'https://github.com/legaltech-n8n/n8n-nodes-legaltech';

/** @type {Array<{name: string, version: string, vendorDir: string, description: string, keywords: string[], nodes: string[], credentials: string[]}>} */
const packages = [
	{
		name: 'n8n-nodes-docjuris',
		version: '0.1.0',
		vendorDir: 'DocJuris',
		description:
			'n8n nodes for DocJuris contract negotiation: contracts, turns, documents, imports and subscription webhooks.',
		keywords: ['docjuris', 'contracts', 'legal', 'redline'],
		nodes: ['DocJuris/DocJuris.node.js', 'DocJuris/DocJurisTrigger.node.js'],
		credentials: ['DocJurisApi.credentials.js'],
	},
	{
		name: 'n8n-nodes-docket-alarm',
		version: '0.1.0',
		vendorDir: 'DocketAlarm',
		description:
			'n8n nodes for Docket Alarm: search US court dockets (PACER, state and agency courts), get dockets and filings, track cases and receive push notifications.',
		keywords: ['docket-alarm', 'pacer', 'court', 'dockets', 'litigation'],
		nodes: ['DocketAlarm/DocketAlarm.node.js', 'DocketAlarm/DocketAlarmTrigger.node.js'],
		credentials: ['DocketAlarmApi.credentials.js'],
	},
	{
		name: 'n8n-nodes-docketwise',
		version: '0.1.0',
		vendorDir: 'Docketwise',
		description:
			'n8n nodes for Docketwise immigration practice management: contacts, matters, documents, invoices, charges and notes, with a polling trigger.',
		keywords: ['docketwise', 'immigration', 'practice-management', 'matters'],
		nodes: ['Docketwise/Docketwise.node.js', 'Docketwise/DocketwiseTrigger.node.js'],
		credentials: ['DocketwiseOAuth2Api.credentials.js'],
	},
	{
		name: 'n8n-nodes-documine',
		version: '0.1.0',
		vendorDir: 'DocuMine',
		description:
			'n8n nodes for DocuMine document data extraction: dossiers, file uploads with processing waits, extracted components and result packages, with a polling trigger.',
		keywords: ['documine', 'extraction', 'documents', 'dossiers'],
		nodes: ['DocuMine/DocuMine.node.js', 'DocuMine/DocuMineTrigger.node.js'],
		credentials: ['DocuMineApi.credentials.js', 'DocuMineOAuth2Api.credentials.js'],
	},
];

module.exports = { packages, repository, author: { name: 'Legal-tech n8n nodes maintainers', email: 'maintainers@legaltech-n8n.dev' } };
