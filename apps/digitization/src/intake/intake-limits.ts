import type { DigitizationConfig } from '../config';
import type { MediaType } from './media-types';

export type IntakeLimits = {
  maxBytes: Record<MediaType, number>;
  maxPages: number;
  maxPixels: number;
};

const MB = 1024 * 1024;

export function intakeLimitsOf(config: DigitizationConfig): IntakeLimits {
  return {
    maxBytes: {
      'application/pdf': config.MAX_PDF_MB * MB,
      'image/jpeg': config.MAX_IMAGE_MB * MB,
      'image/png': config.MAX_IMAGE_MB * MB,
      'image/tiff': config.MAX_TIFF_MB * MB,
    },
    maxPages: config.MAX_PAGES,
    maxPixels: config.MAX_IMAGE_PIXELS,
  };
}
