/** Where the real PostgreSQL, Redis and Kafka of a run are, and how to stop what the run started. */
export type Infrastructure = {
  mode: 'given' | 'testcontainers' | 'local';
  postgresServerUrl: string;
  redisUrl: string;
  kafkaBrokers: string[];
  /** Folder of the broker's `<identity>.env` credentials (admin, services, portal). */
  kafkaCredentialsDir: string;
  stop: () => Promise<void>;
};

export const LOCAL_DEFAULTS = {
  postgresServerUrl: 'postgresql://postgres@127.0.0.1:5432/postgres',
  redisUrl: 'redis://127.0.0.1:6379',
  kafkaBrokers: ['127.0.0.1:9092'],
};
