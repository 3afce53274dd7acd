import { Global, Module } from '@nestjs/common';
import { DIGITIZATION_CONFIG, type DigitizationConfig } from '../config';
import { LocalStorageDriver } from './local-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';

import { StoredFileRepository } from './stored-file.repository';
/** Picks the driver named by STORAGE_DRIVER (main.ts has checked the S3 variables). */
export function createStorageDriver(config: DigitizationConfig): StorageDriver {
  switch (config.STORAGE_DRIVER) {
    case 'local':
      return new LocalStorageDriver(config.STORAGE_DIR);
    case 's3':
      return new S3StorageDriver({
        endpoint: config.S3_ENDPOINT!,
        bucket: config.S3_BUCKET!,
        region: config.S3_REGION,
        prefix: config.S3_PREFIX,
        credentials: {
          accessKeyId: config.S3_ACCESS_KEY_ID!,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
          sessionToken: config.S3_SESSION_TOKEN,
        },
        stagingDir: config.STORAGE_DIR,
      });
  }
}

@Global()
@Module({
  providers: [
    { provide: STORAGE_DRIVER, inject: [DIGITIZATION_CONFIG], useFactory: createStorageDriver },
    StoredFileRepository,
  ],
  exports: [STORAGE_DRIVER, StoredFileRepository],
})
export class StorageModule {}
