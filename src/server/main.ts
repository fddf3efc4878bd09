// `npm run serve`: the game and its online tables from one process on one port.
//   --host 0.0.0.0   let other devices on the network in (default 127.0.0.1: this machine only)
//   --port N         default 2567
//   --data DIR       where the embedded database (PGlite) keeps its files (default ./data)
//   --static DIR     the built game to serve (default ./dist, which `npm run serve` builds first)
// DATABASE_URL=postgres://… uses a real PostgreSQL instead of the embedded one (DATABASE_SCHEMA=name: its
// tables in that schema). REDIS_URL=redis://… shares the tables with the other processes that use the
// same Redis and PostgreSQL (docs/design.md §6.6); ROOMS_PER_PROCESS=N (default 1000): with Redis, the
// rooms a process takes before a class's tables spill to another process.
import { parseArgs } from 'node:util';
import { lanAddresses, startServer } from './server';

const HELP = `Usage: npm run serve -- [--host HOST] [--port N] [--data DIR]

Serves the built game and its online tables on one port.
  --host HOST   address to listen on (default 127.0.0.1; 0.0.0.0 lets other devices on your network in)
  --port N      port (default 2567)
  --data DIR    folder of the embedded database (default ./data); set DATABASE_URL to use PostgreSQL
  --static DIR  the built game to serve (default ./dist)

Environment: DATABASE_URL (PostgreSQL instead of the embedded database), DATABASE_SCHEMA,
REDIS_URL (several processes sharing their tables; needs DATABASE_URL), ROOMS_PER_PROCESS
(with REDIS_URL: rooms a process takes before a class's tables go to another; default 1000).
`;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let values: { host?: string; port?: string; data?: string; static?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`serve: ${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = values.port === undefined ? 2567 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`serve: --port must be a whole number from 0 to 65535, not "${values.port}"\n`);
    process.exit(2);
  }
  const roomsPerProcess = process.env.ROOMS_PER_PROCESS ? Number(process.env.ROOMS_PER_PROCESS) : undefined;
  if (roomsPerProcess !== undefined && (!Number.isInteger(roomsPerProcess) || roomsPerProcess < 1)) {
    process.stderr.write(`serve: ROOMS_PER_PROCESS must be a whole number of at least 1, not "${process.env.ROOMS_PER_PROCESS}"\n`);
    process.exit(2);
  }
  const host = values.host ?? '127.0.0.1';
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      host,
      port,
      ...(values.static ? { staticDir: values.static } : {}),
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : values.data ? { dataDir: values.data } : {}),
      ...(process.env.DATABASE_SCHEMA ? { schema: process.env.DATABASE_SCHEMA } : {}),
      ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
      ...(roomsPerProcess !== undefined ? { roomsPerProcess } : {}),
    });
  } catch (e) {
    // A clear sentence, not a stack: a port in use, a database or Redis that cannot be reached.
    process.stderr.write(`serve: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  console.log(`Backchannel is serving on ${server.url}/ (database: ${server.store.kind})`);
  if (host === '0.0.0.0') for (const address of lanAddresses(server.port)) console.log(`  students open: ${address}`);
  else console.log('  only this machine can open it; add --host 0.0.0.0 to let a class on the same network in');
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
