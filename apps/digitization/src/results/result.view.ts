type ResultRow = {
  id: string;
  dossierId: string;
  dossierCode: string;
  procedureCode: string;
  resultType: string;
  reuseCode: string;
  number: string;
  issuedOn: Date;
  validUntil: Date | null;
  issuingAgencyCode: string;
  issuingAgencyName: string;
  electronic: boolean;
  fileSha256: string | null;
  revokedOn: Date | null;
  revokeReason: string | null;
};

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

export function resultView(row: ResultRow) {
  return {
    id: row.id,
    dossierId: row.dossierId,
    dossierCode: row.dossierCode,
    procedureCode: row.procedureCode,
    resultType: row.resultType,
    reuseCode: row.reuseCode,
    number: row.number,
    issuedOn: day(row.issuedOn),
    validUntil: day(row.validUntil),
    issuingAgencyCode: row.issuingAgencyCode,
    issuingAgencyName: row.issuingAgencyName,
    electronic: row.electronic,
    digitized: row.fileSha256 !== null,
    checksumSha256: row.fileSha256,
    revokedOn: day(row.revokedOn),
    revokeReason: row.revokeReason,
  };
}
