import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  ResourcePatternTypes,
  logLevel,
  type AclEntry,
} from 'kafkajs';
import { KAFKA_PRINCIPALS, kafkaUserOf, type KafkaAcl } from '@motcua/contracts';
import type { KafkaSasl } from './kafka-credentials';

const keyOf = (acl: AclEntry) =>
  [
    acl.principal,
    acl.resourceType,
    acl.resourcePatternType,
    acl.resourceName,
    acl.operation,
    acl.permissionType,
    acl.host,
  ].join('|');

function toEntry(acl: KafkaAcl): AclEntry {
  return {
    principal: acl.principal,
    host: '*',
    resourceType: AclResourceTypes[acl.resourceType],
    resourceName: acl.resourceName,
    resourcePatternType: ResourcePatternTypes[acl.patternType],
    operation: AclOperationTypes[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/**
 * Makes the broker's bindings of motcua's principals exactly `wanted`: creates the missing ones,
 * deletes the others (a binding of `User:motcua-*` that the contracts no longer call for, or one
 * added by hand). Bindings of other principals are left alone.
 */
export async function syncKafkaAcls(
  brokers: string[],
  sasl: KafkaSasl,
  wanted: KafkaAcl[],
): Promise<{ created: number; deleted: number; kept: number }> {
  const admin = new Kafka({
    clientId: 'motcua-identities',
    brokers,
    sasl,
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  }).admin();
  await admin.connect();
  try {
    const want = new Map(wanted.map((acl) => [keyOf(toEntry(acl)), toEntry(acl)]));
    const principals = KAFKA_PRINCIPALS.map((principal) => `User:${kafkaUserOf(principal)}`);
    const have = new Map<string, AclEntry>();
    for (const principal of principals) {
      const { resources } = await admin.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        principal,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      for (const resource of resources) {
        for (const acl of resource.acls) {
          const entry: AclEntry = {
            ...acl,
            resourceType: resource.resourceType,
            resourceName: resource.resourceName,
            resourcePatternType: resource.resourcePatternType,
          };
          have.set(keyOf(entry), entry);
        }
      }
    }
    const missing = [...want].filter(([key]) => !have.has(key)).map(([, acl]) => acl);
    const extra = [...have].filter(([key]) => !want.has(key)).map(([, acl]) => acl);
    if (missing.length > 0) await admin.createAcls({ acl: missing });
    if (extra.length > 0) await admin.deleteAcls({ filters: extra });
    return { created: missing.length, deleted: extra.length, kept: have.size - extra.length };
  } finally {
    await admin.disconnect();
  }
}
