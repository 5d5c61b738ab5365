/** Types of ./services.mjs (throwaway Redis and PostgreSQL for tests, scripts and the benchmark). */
export function redisServerBin(): string | undefined;
export function postgresBinDir(): string | undefined;
export function freePort(): Promise<number>;
export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  pid(): number;
  restart(): Promise<void>;
  stop(): Promise<void>;
}
export interface PostgresServer {
  url: string;
  port: number;
  dir: string;
  restart(): void;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}
export function startRedis(): Promise<RedisServer>;
export function startPostgres(): Promise<PostgresServer>;
