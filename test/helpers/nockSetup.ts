/**
 * Unit tests never reach the network. Every test must use all the vendor responses it set up
 * (an unused one means a request the node should have made did not happen). Each test file gets
 * its own nock instance, so the previous file's is unhooked from Node's http module after it.
 */
import nock from 'nock';

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});

afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});
