export * from './http';
export * from './portal-stream';
export {
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  isNewerPortalStatus,
  portalChangesPageSchema,
  verifyWebhookSignature,
  type PortalChange,
  type PortalChangesPage,
} from '@motcua/contracts';
