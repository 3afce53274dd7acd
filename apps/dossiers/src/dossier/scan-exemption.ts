import type { ScanExemption } from '@motcua/contracts';
import type { DossierChannel } from './dossier-status';

/**
 * Scanning at receipt is not required (Circular 03/2025/TT-VPCP Art. 5(2)) for (a) dossiers
 * submitted online, (b) documents only shown, (c) verification results and opinions of
 * participating bodies, (d) secret documents. The desk records (b)-(d) per document; (a) follows
 * from the channel. Digitization rates leave exempt documents out of their denominators.
 */
export function withScanExemptions<D extends { scanExemption?: ScanExemption }>(
  channel: DossierChannel,
  documents: readonly D[],
): D[] {
  return documents.map((d) => {
    const exemption: ScanExemption | undefined =
      d.scanExemption ?? (channel === 'online' ? 'online' : undefined);
    return exemption === undefined ? { ...d } : { ...d, scanExemption: exemption };
  });
}
