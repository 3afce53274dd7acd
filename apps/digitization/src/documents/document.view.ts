type DocumentRow = {
  id: string;
  dossierId: string;
  dossierCode: string;
  documentCode: string;
  fileSha256: string;
  filename: string;
  digitizedByUnit: string;
  digitizedAt: Date;
  validUntil: Date | null;
  file: { mediaType: string; sizeBytes: number; pages: number };
};

export function documentView(row: DocumentRow) {
  return {
    id: row.id,
    dossierId: row.dossierId,
    dossierCode: row.dossierCode,
    documentCode: row.documentCode,
    checksumSha256: row.fileSha256,
    filename: row.filename,
    mediaType: row.file.mediaType,
    sizeBytes: row.file.sizeBytes,
    pages: row.file.pages,
    digitizedByUnit: row.digitizedByUnit,
    digitizedAt: row.digitizedAt.toISOString(),
    validUntil: row.validUntil?.toISOString().slice(0, 10) ?? null,
  };
}
