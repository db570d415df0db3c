/**
 * The benchmark scenarios B1–B7 and B3b (issue "Benchmarks"): each runs the same job with our node and with
 * a hand-built HTTP Request workflow, and names the floor it is judged against. One file a scenario.
 */
import { b1 } from './b1';
import { b2 } from './b2';
import { b3, b3b } from './b3';
import { b4a } from './b4a';
import { b4b } from './b4b';
import { b5 } from './b5';
import { b6 } from './b6';
import { b7 } from './b7';
import { benchKit, type BenchSettings, type Scenario, type Simulators } from './common';

export { webhookPath, workflowId, type BenchSettings, type Metrics } from './common';

export function scenarios(sims: Simulators, settings: BenchSettings): Scenario[] {
	const kit = benchKit(sims, settings);
	return [b1, b2, b3, b3b, b4a, b4b, b5, b6, b7].map((scenario) => scenario(kit));
}
