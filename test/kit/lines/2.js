// Set before a suite of the `… n8n 2` projects loads (jest.n8n.config.js): it runs on n8n 2.41.1 only.
process.env.E2E_N8N_LINES = '2';
process.env.HARD_N8N_LINE = '2';
