/**
 * The order jest.n8n.config.js hands its jobs to the pool: longest first, by the seconds each took
 * in a measured `npm test` (2 cores, both lines), so no long job starts last and holds the run
 * open alone. A job missing from the table (a new suite) goes first: its length is unknown.
 */
'use strict';

const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

// <project>/<suite>: seconds, from the "Took" column of a full run (update when a suite changes much).
const MEASURED = {
	'hard-2/load': 740,
	'hard-2/lifecycle': 587,
	'hard-1/load': 480,
	'hard-1/lifecycle': 493,
	'hard-2/queue': 376,
	'hard-1/queue': 272,
	'hard-1/polling': 275,
	'hard-2/polling': 247,
	'hard-1/faults': 180,
	'hard-1/tokens': 136,
	'hard-2/faults': 124,
	'hard-2/tokens': 124,
	'hard-2/webhooks': 100,
	'hard-1/webhooks': 80,
	'e2e/verification': 122,
	'e2e-2/documine': 140,
	'e2e-1/documine': 120,
	'e2e-2/docketwise': 110,
	'e2e-1/docketwise': 100,
	'e2e-2/docjuris': 70,
	'e2e-1/docjuris': 55,
	'e2e-2/docketalarm': 70,
	'e2e-1/docketalarm': 55,
	'e2e-2/examples': 50,
	'e2e-1/examples': 40,
	'e2e-2/startup': 20,
	'e2e-1/startup': 15,
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
