import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { readKafkaCredentials, type KafkaIdentity, type KafkaSasl } from '../kafka-credentials';
import { repoRoot } from '../repo-root';

/**
 * A three-node KRaft cluster on this machine, run by infra/kafka/kafka.sh with KAFKA_NODES=3:
 * node N takes client port `port + 2(N-1)` and the controller port after it, its storage in
 * `dataDir/node-N`; SASL/SCRAM and ACLs as the single node has them.
 */
export class KafkaCluster {
  readonly nodes = [1, 2, 3] as const;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  /** Every node's client address: what producers and consumers are given. */
  get brokers(): string[] {
    return this.nodes.map((n) => this.brokerOf(n));
  }

  brokerOf(node: number): string {
    return `127.0.0.1:${this.port + 2 * (node - 1)}`;
  }

  get credentialsDir(): string {
    return join(this.dataDir, 'credentials');
  }

  sasl(identity: KafkaIdentity): KafkaSasl {
    return readKafkaCredentials(this.credentialsDir, identity);
  }

  /** Runs `kafka.sh COMMAND ...ARGS` for this cluster; returns its output. */
  kafkaSh(...args: string[]): string {
    return execFileSync('bash', [join(repoRoot(), 'infra/kafka/kafka.sh'), ...args], {
      env: {
        ...process.env,
        KAFKA_NODES: '3',
        KAFKA_PORT: String(this.port),
        KAFKA_DATA_DIR: this.dataDir,
        KAFKA_CREDENTIALS_DIR: this.credentialsDir,
      },
      encoding: 'utf8',
      timeout: 300_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  start(): string {
    return this.kafkaSh('start');
  }

  stop(): string {
    return this.kafkaSh('stop');
  }

  /** SIGKILL: a crash, no controlled shutdown. */
  killNode(node: number): string {
    return this.kafkaSh('kill-node', String(node));
  }

  startNode(node: number): string {
    return this.kafkaSh('start-node', String(node));
  }

  /** Leader, replicas and in-sync replicas of each partition of `topic`, from the cluster's metadata. */
  async partitions(
    topic: string,
  ): Promise<{ partition: number; leader: number; replicas: number[]; isr: number[] }[]> {
    const admin = new Kafka({
      clientId: 'motcua-drill-cluster',
      brokers: this.brokers,
      sasl: this.sasl('admin'),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      return topics[0].partitions
        .map((p) => ({
          partition: p.partitionId,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
        }))
        .sort((a, b) => a.partition - b.partition);
    } finally {
      await admin.disconnect();
    }
  }
}
