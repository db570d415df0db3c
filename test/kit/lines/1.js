// Set before a suite of the `… n8n 1` projects loads (jest.n8n.config.js): it runs on n8n 1.123.50 only.
process.env.E2E_N8N_LINES = '1';
process.env.HARD_N8N_LINE = '1';
