/**
 * Writes the results of each project of jest.n8n.config.js to build/test-results/<project>.json
 * (e2e.json, e2e-1.json, hard-2.json, ...): the counts scripts/test-summary.js adds up and the
 * suite times scripts/hard-summary.js prints per line. jest's own --json has no project names.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

class ResultsByProject {
	constructor(globalConfig) {
		this.dir = path.join(globalConfig.rootDir, 'build', 'test-results');
		this.projects = new Map();
	}

	onTestResult(test, result) {
		const name = test.context.config.displayName?.name ?? 'n8n';
		const project = this.projects.get(name) ?? {
			numPassedTests: 0,
			numFailedTests: 0,
			numRuntimeErrorTestSuites: 0,
			testResults: [],
		};
		project.numPassedTests += result.numPassingTests;
		project.numFailedTests += result.numFailingTests;
		if (result.testExecError) project.numRuntimeErrorTestSuites++;
		project.testResults.push({
			name: result.testFilePath,
			status: result.numFailingTests === 0 && !result.testExecError ? 'passed' : 'failed',
			startTime: result.perfStats.start,
			endTime: result.perfStats.end,
		});
		this.projects.set(name, project);
	}

	onRunComplete() {
		fs.mkdirSync(this.dir, { recursive: true });
		for (const [name, project] of this.projects)
			fs.writeFileSync(path.join(this.dir, `${name}.json`), JSON.stringify(project, null, 1));
	}
}

module.exports = ResultsByProject;
