/**
 * The order jest.n8n.config.js hands its jobs to the pool: longest first, by the seconds each took
 * in a measured `npm test` (2 cores, both lines), so no long job starts last and holds the run
 * open alone. A job missing from the table (a new suite) goes first: its length is unknown.
 */
'use strict';

const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

// <project>/<suite>: seconds each took in the pool of a warm `npm test` (2 cores, 4 workers, 03f1bcc);
// update when a suite changes much.
const MEASURED = {
	'hard-2/lifecycle': 776,
	'hard-2/load': 764,
	'hard-1/lifecycle': 499,
	'hard-1/load': 471,
	'hard-1/polling': 375,
	'hard-2/queue': 335,
	'hard-2/polling': 261,
	'hard-1/queue': 193,
	'e2e-2/docketwise': 182,
	'e2e/verification': 162,
	'hard-2/tokens': 154,
	'e2e-2/documine': 138,
	'e2e-1/documine': 137,
	'e2e-2/docjuris': 122,
	'e2e-1/docketwise': 121,
	'hard-2/faults': 114,
	'e2e-2/docketalarm': 104,
	'hard-1/tokens': 103,
	'hard-1/faults': 100,
	'hard-2/webhooks': 100,
	'e2e-1/docjuris': 100,
	'hard-1/webhooks': 87,
	'e2e-1/docketalarm': 86,
	'e2e-2/examples': 76,
	'e2e-1/examples': 64,
	'e2e-2/agents': 45,
	'e2e-2/startup': 46,
	'e2e-1/agents': 25,
	'e2e-1/startup': 35,
	'e2e/packages': 5,
};

const jobName = (test) =>
	`${test.context.config.displayName?.name}/${path.basename(test.path, '.test.ts')}`;

class LongestFirst extends Sequencer {
	sort(tests) {
		const seconds = (test) => MEASURED[jobName(test)] ?? 10_000;
		return [...tests].sort((a, b) => seconds(b) - seconds(a));
	}
}

module.exports = LongestFirst;
