/**
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages (scripts/test-n8n.sh installs
 * them), each started in a temporary folder on 127.0.0.1 and a free port, and stopped afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

import { freePort } from '../kit/n8n';

const asRoot = userInfo().uid === 0;

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const version = existsSync(root) ? readdirSync(root).sort().pop() : undefined;
	const dir = version ? path.join(root, version, 'bin') : '';
	if (!dir || !existsSync(path.join(dir, 'postgres')))
		throw new Error(
			"PostgreSQL is not installed: run scripts/test-n8n.sh (it installs Debian's postgresql)",
		);
	return dir;
}

/** Runs a PostgreSQL program as the postgres user when we are root (PostgreSQL refuses to run as root). */
function asPostgresUser(program: string, args: string[]): [string, string[]] {
	return asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

async function waitUntil(what: string, probe: () => boolean, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!probe()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

export class QueueServices {
	private readonly folder = mkdtempSync(path.join(tmpdir(), 'n8n-queue-'));
	private postgres?: ChildProcess;
	private redis?: ChildProcess;
	postgresPort = 0;
	redisPort = 0;

	async start(): Promise<void> {
		const bin = postgresBin();
		const data = path.join(this.folder, 'pg');
		if (asRoot)
			chownSync(
				this.folder,
				Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
				Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
			);
		const [initdb, initArgs] = asPostgresUser(path.join(bin, 'initdb'), [
			'-D',
			data,
			'-A',
			'trust',
			'-U',
			'n8n',
			'--no-sync',
		]);
		execFileSync(initdb, initArgs, { stdio: 'ignore' });
		this.postgresPort = await freePort();
		const [postgres, pgArgs] = asPostgresUser(path.join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(this.postgresPort),
			'-k',
			this.folder,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
		]);
		this.postgres = spawn(postgres, pgArgs, { stdio: 'ignore' });
		const ready = () => {
			try {
				execFileSync(
					path.join(bin, 'pg_isready'),
					['-h', '127.0.0.1', '-p', String(this.postgresPort)],
					{ stdio: 'ignore' },
				);
				return true;
			} catch {
				return false;
			}
		};
		await waitUntil('PostgreSQL', ready);
		execFileSync(
			'psql',
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.postgresPort),
				'-U',
				'n8n',
				'-d',
				'postgres',
				'-c',
				'CREATE DATABASE n8n',
			],
			{ stdio: 'ignore' },
		);

		this.redisPort = await freePort();
		this.redis = spawn(
			'redis-server',
			['--port', String(this.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let redisLog = '';
		this.redis.stdout!.on('data', (chunk: Buffer) => (redisLog += chunk.toString('utf8')));
		await waitUntil('Redis', () => redisLog.includes('Ready to accept connections'));
	}

	/** What every n8n process of the queue-mode installation is started with. */
	get n8nEnvironment(): Record<string, string> {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgresPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	async stop(): Promise<void> {
		if (this.postgres && this.postgres.exitCode === null) {
			const exited = new Promise((resolve) => this.postgres!.once('exit', resolve));
			const [pgCtl, args] = asPostgresUser(path.join(postgresBin(), 'pg_ctl'), [
				'-D',
				path.join(this.folder, 'pg'),
				'stop',
				'-m',
				'fast',
			]);
			execFileSync(pgCtl, args, { stdio: 'ignore' });
			await exited;
		}
		if (this.redis && this.redis.exitCode === null) {
			const exited = new Promise((resolve) => this.redis!.once('exit', resolve));
			this.redis.kill('SIGTERM');
			await exited;
		}
		rmSync(this.folder, { recursive: true, force: true });
	}
}
