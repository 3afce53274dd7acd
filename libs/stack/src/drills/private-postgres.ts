import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The server binaries a private instance uses (DRILL_PG_BIN, else PostgreSQL 15's Debian location). */
export const PG_BIN = process.env.DRILL_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL instance of its own (initdb + pg_ctl from the installed server binaries) on its own
 * port, data folder and socket folder, for a drill that crashes and restarts its database without
 * touching the machine's PostgreSQL, which other people use. Trust authentication, user postgres.
 * As root the server runs as the `postgres` system user (PostgreSQL refuses to run as root): the
 * folders above `baseDir` must then let it through (o+x).
 */
export class PrivatePostgres {
  readonly dataDir: string;
  readonly socketDir: string;

  constructor(
    readonly baseDir: string,
    readonly port: number,
  ) {
    this.dataDir = join(baseDir, 'pgdata');
    this.socketDir = join(baseDir, 'pgsocket');
  }

  /** The server URL (maintenance database `postgres`). */
  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  init(): void {
    mkdirSync(this.socketDir, { recursive: true });
    mkdirSync(this.dataDir, { recursive: true });
    this.own(this.dataDir);
    this.own(this.baseDir);
    this.own(this.socketDir);
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      this.run('initdb', [
        '-D',
        this.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '--no-sync',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]);
      // In its configuration, not on pg_ctl's command line: a plain `pg_ctl -D <dataDir> start` (the
      // operator's drill script) then starts it on its own port too, never on the machine's 5432.
      const settings = {
        port: this.port,
        unix_socket_directories: `'${this.socketDir}'`,
        listen_addresses: "'127.0.0.1'",
        fsync: 'off',
        max_connections: 200,
        shared_buffers: "'32MB'",
        logging_collector: 'off',
      };
      appendFileSync(
        join(this.dataDir, 'postgresql.conf'),
        `\n# motcua drill instance\n${Object.entries(settings)
          .map(([k, v]) => `${k} = ${v}`)
          .join('\n')}\n`,
      );
    }
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.baseDir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** `immediate` is a crash as far as clients see: every backend dies at once, recovery at next start. */
  stop(mode: 'immediate' | 'fast' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  running(): boolean {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, 'status']);
      return true;
    } catch {
      return false;
    }
  }

  /** Stops it if running and deletes its folders. */
  destroy(): void {
    if (this.running()) this.stop('immediate');
    rmSync(this.baseDir, { recursive: true, force: true });
  }

  private own(path: string): void {
    if (process.getuid?.() === 0) chownSync(path, postgresUid(), postgresGid());
  }

  private run(tool: string, args: string[]): void {
    const binary = join(PG_BIN, tool);
    const [command, argv] =
      process.getuid?.() === 0
        ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
        : [binary, args];
    execFileSync(command, argv, { stdio: 'pipe', cwd: this.baseDir });
  }
}

function postgresUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
}
function postgresGid(): number {
  return Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
}
