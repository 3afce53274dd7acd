/**
 * The Kubernetes base of each motcua service, as data: one function builds every object of a
 * service from the table below, so the five bases cannot drift apart. tools/k8s/generate.ts
 * writes them to infra/k8s/base/<service>/ (committed, checked for staleness by a test);
 * overlays (infra/k8s/overlays/<province>/) add the namespace, images, configuration and secrets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@motcua/contracts';

export type ServiceSpec = {
  name: ServiceName;
  /** The port the service listens on (PORT), the same as in the local stack. */
  port: number;
  /** Digitization keeps files on a volume when STORAGE_DRIVER=local (S3 in production). */
  filesVolume?: { mountPath: string; size: string };
  resources: { cpu: string; memory: string; memoryLimit: string };
};

export const SERVICES: ServiceSpec[] = [
  {
    name: 'catalog',
    port: 3101,
    resources: { cpu: '100m', memory: '160Mi', memoryLimit: '320Mi' },
  },
  {
    name: 'dossiers',
    port: 3102,
    resources: { cpu: '250m', memory: '192Mi', memoryLimit: '384Mi' },
  },
  {
    name: 'feedback',
    port: 3103,
    resources: { cpu: '100m', memory: '160Mi', memoryLimit: '320Mi' },
  },
  {
    name: 'digitization',
    port: 3104,
    filesVolume: { mountPath: '/var/lib/motcua/files', size: '100Gi' },
    resources: { cpu: '200m', memory: '192Mi', memoryLimit: '512Mi' },
  },
  {
    name: 'reporting',
    port: 3105,
    resources: { cpu: '200m', memory: '256Mi', memoryLimit: '512Mi' },
  },
];

/**
 * The image of a service's release: tagged with the `version` of apps/<service>/package.json (the
 * newest heading of its changelog). Overlays move it to their registry and keep the tag.
 */
export function imageOf(service: string): string {
  const manifest = join(__dirname, '../../apps', service, 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return `motcua/${service}:${version}`;
}

/** Labels the NetworkPolicies expect on the infrastructure a province runs beside motcua. */
/** The management port serving /metrics (the services' default METRICS_PORT). */
export const METRICS_PORT = 9464;

export const INFRASTRUCTURE_LABELS = {
  postgres: (service: string) => ({
    'app.kubernetes.io/name': 'postgresql',
    'motcua.gov.vn/database': service,
  }),
  redis: { 'app.kubernetes.io/name': 'redis' },
  kafka: { 'app.kubernetes.io/name': 'kafka' },
  gateway: { 'motcua.gov.vn/gateway': 'true' },
  monitoring: { 'kubernetes.io/metadata.name': 'monitoring' },
};

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

const labelsOf = (service: string, component: 'server' | 'migration') => ({
  'app.kubernetes.io/name': service,
  'app.kubernetes.io/part-of': 'motcua',
  'app.kubernetes.io/component': component,
});

const restrictedContainer = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The node image's `node` user. */
const podSecurity = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 };

/** ConfigMaps and Secret every container reads its environment from (the overlay generates them). */
const envFrom = (service: string) => [
  { configMapRef: { name: 'motcua-common' } },
  { configMapRef: { name: `${service}-config` } },
  { secretRef: { name: `${service}-secrets` } },
];

/** Readiness: probed every `periodSeconds`, out of the endpoints after `failureThreshold` misses. */
const READINESS = { periodSeconds: 5, failureThreshold: 2 };

/**
 * The shutdown of libs/http/src/shutdown.ts, in seconds. On SIGTERM the service answers readiness
 * 503 and keeps serving for SHUTDOWN_DELAY_SECONDS (as long as the probe needs to take it out of
 * the endpoints; each response meanwhile says `Connection: close`), then closes its port and lets
 * the requests in hand finish (at most `drain`, the drain time there), then the consumers end
 * their chunk and the relay its batch (`stop`). The grace period covers all of it with a margin,
 * so the kubelet's SIGKILL never cuts a request or a handler. There is no preStop sleep: it
 * would only hold SIGTERM back, with readiness still 200 and keep-alive connections kept, and the
 * delays would add up.
 */
export const SHUTDOWN = {
  delaySeconds: READINESS.periodSeconds * READINESS.failureThreshold,
  drainSeconds: 20,
  stopSeconds: 10,
  marginSeconds: 5,
};
const terminationGracePeriodSeconds =
  SHUTDOWN.delaySeconds + SHUTDOWN.drainSeconds + SHUTDOWN.stopSeconds + SHUTDOWN.marginSeconds;

function deployment(spec: ServiceSpec): K8sObject {
  const labels = labelsOf(spec.name, 'server');
  const volumes: unknown[] = [{ name: 'tmp', emptyDir: {} }];
  const mounts: unknown[] = [{ name: 'tmp', mountPath: '/tmp' }];
  if (spec.filesVolume) {
    volumes.push({ name: 'files', persistentVolumeClaim: { claimName: `${spec.name}-files` } });
    mounts.push({ name: 'files', mountPath: spec.filesVolume.mountPath });
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          securityContext: podSecurity,
          // SIGTERM: the service leaves the endpoints, finishes in-flight requests and handlers
          // and hands its relay leadership over (SHUTDOWN above).
          terminationGracePeriodSeconds,
          containers: [
            {
              name: spec.name,
              image: imageOf(spec.name),
              // /metrics is served on the management port only (METRICS_PORT, default 9464).
              ports: [
                { name: 'http', containerPort: spec.port },
                { name: 'metrics', containerPort: METRICS_PORT },
              ],
              envFrom: envFrom(spec.name),
              env: [{ name: 'SHUTDOWN_DELAY_SECONDS', value: String(SHUTDOWN.delaySeconds) }],
              resources: {
                requests: { cpu: spec.resources.cpu, memory: spec.resources.memory },
                limits: { memory: spec.resources.memoryLimit },
              },
              // Ready: its database, Redis and outbox relay answer. Live: the process answers;
              // a database outage must not restart-loop the pod.
              readinessProbe: { httpGet: { path: '/health/ready', port: 'http' }, ...READINESS },
              livenessProbe: {
                httpGet: { path: '/health/live', port: 'http' },
                periodSeconds: 10,
                failureThreshold: 6,
              },
              startupProbe: {
                httpGet: { path: '/health/live', port: 'http' },
                periodSeconds: 2,
                failureThreshold: 30,
              },
              securityContext: restrictedContainer,
              volumeMounts: mounts,
            },
          ],
          volumes,
        },
      },
    },
  };
}

function migrationJob(spec: ServiceSpec): K8sObject {
  const labels = labelsOf(spec.name, 'migration');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${spec.name}-migrate`, labels },
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 86400,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'OnFailure',
          securityContext: podSecurity,
          containers: [
            {
              name: 'migrate',
              // The release's own image, its second entrypoint: this service's Prisma migrations.
              image: imageOf(spec.name),
              command: ['node', 'dist/migrate.js'],
              envFrom: [{ secretRef: { name: `${spec.name}-secrets` } }],
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { memory: '256Mi' },
              },
              securityContext: { ...restrictedContainer, readOnlyRootFilesystem: false },
            },
          ],
        },
      },
    },
  };
}

function service(spec: ServiceSpec): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: spec.name, labels: labelsOf(spec.name, 'server') },
    spec: {
      selector: labelsOf(spec.name, 'server'),
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
}

function disruptionBudget(spec: ServiceSpec): K8sObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: spec.name, labels: labelsOf(spec.name, 'server') },
    spec: { minAvailable: 1, selector: { matchLabels: labelsOf(spec.name, 'server') } },
  };
}

function autoscaler(spec: ServiceSpec): K8sObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: spec.name, labels: labelsOf(spec.name, 'server') },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: spec.name },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
  };
}

/**
 * The service's pods (server and migration) reach only their own database, Redis, Kafka, DNS and
 * HTTPS (the identity provider's keys; S3 for digitization); only the gateway and monitoring reach them.
 */
function networkPolicy(spec: ServiceSpec): K8sObject {
  const tcp = (port: number) => ({ protocol: 'TCP', port });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: spec.name,
      labels: { 'app.kubernetes.io/name': spec.name, 'app.kubernetes.io/part-of': 'motcua' },
    },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': spec.name } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { namespaceSelector: {}, podSelector: { matchLabels: INFRASTRUCTURE_LABELS.gateway } },
            { namespaceSelector: { matchLabels: INFRASTRUCTURE_LABELS.monitoring } },
          ],
          ports: [tcp(spec.port)],
        },
        // Prometheus scrapes the management port; the gateway never reaches it.
        {
          from: [{ namespaceSelector: { matchLabels: INFRASTRUCTURE_LABELS.monitoring } }],
          ports: [tcp(METRICS_PORT)],
        },
      ],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
        {
          to: [{ podSelector: { matchLabels: INFRASTRUCTURE_LABELS.postgres(spec.name) } }],
          ports: [tcp(5432)],
        },
        { to: [{ podSelector: { matchLabels: INFRASTRUCTURE_LABELS.redis } }], ports: [tcp(6379)] },
        { to: [{ podSelector: { matchLabels: INFRASTRUCTURE_LABELS.kafka } }], ports: [tcp(9092)] },
        { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [tcp(443)] },
      ],
    },
  };
}

function filesClaim(spec: ServiceSpec): K8sObject[] {
  if (!spec.filesVolume) return [];
  return [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: `${spec.name}-files`, labels: labelsOf(spec.name, 'server') },
      spec: {
        accessModes: ['ReadWriteMany'],
        resources: { requests: { storage: spec.filesVolume.size } },
      },
    },
  ];
}

/** Every object of one service's base, in a stable order. */
export function baseObjects(spec: ServiceSpec): K8sObject[] {
  return [
    deployment(spec),
    service(spec),
    disruptionBudget(spec),
    autoscaler(spec),
    networkPolicy(spec),
    migrationJob(spec),
    ...filesClaim(spec),
  ];
}
