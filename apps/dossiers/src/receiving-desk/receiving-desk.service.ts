import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { DossierScope } from '../scope/dossier-scope';
import { ReceivingDeskRepository, type ForwardedDossier } from './receiving-desk.repository';
import type { ForwardedList } from './receiving-desk.responses';
import type { ForwardedQuery } from './receiving-desk.schemas';

/** A stage the resolving chain is working on now (sent to the agency and not handed back). */
const RUNNING = new Set(['transferred', 'accepted']);

/**
 * The receiving centre follows what it received and forwarded (tiếp nhận không phụ thuộc địa giới
 * hành chính): the list is kept to the receiving desks the caller acts for, so an officer of
 * another agency gets its own rows only (none of the centre's).
 */
@Injectable()
export class ReceivingDeskService {
  constructor(
    private readonly repository: ReceivingDeskRepository,
    private readonly scope: DossierScope,
  ) {}

  async forwarded(principal: Principal, query: ForwardedQuery): Promise<ForwardedList> {
    const agencies = await this.scope.listable(principal);
    const { rows, total } = await this.repository.forwarded(
      agencies ? [...agencies] : undefined,
      query,
    );
    // The resolving agency's name (a dossier no stage holds) from the copy of the agency tree.
    const names = await this.scope.agencyNames(new Set(rows.map((d) => d.agencyCode)));
    return {
      items: rows.map((d) => forwardedItem(d, names)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}

function forwardedItem(
  d: ForwardedDossier,
  names: ReadonlyMap<string, string>,
): ForwardedList['items'][number] {
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    procedureVersion: d.procedureVersion,
    applicantName: d.applicantName,
    resolvingAgencyCode: d.agencyCode,
    receivingAgencyCode: d.receivingAgencyCode ?? '',
    receivedAt: d.receivedAt.toISOString(),
    forwardedAt: (d.forwardedAt ?? d.receivedAt).toISOString(),
    status: d.status,
    legalDueAt: d.legalDueAt?.toISOString() ?? null,
    dueAt: d.dueAt?.toISOString() ?? null,
    resultReturnPlace: d.resultReturnPlace,
    holders: holdersOf(d, names),
  };
}

/**
 * Who holds the dossier now: the running stage(s) of an inter-agency dossier (named as the chain
 * names them), else the resolving agency (named by the agency tree; null when the tree does not list it).
 */
export function holdersOf(
  d: ForwardedDossier,
  names: ReadonlyMap<string, string>,
): ForwardedList['items'][number]['holders'] {
  const running = d.stages.filter((s) => RUNNING.has(s.status));
  if (running.length === 0)
    return [
      {
        agencyCode: d.agencyCode,
        agencyName: names.get(d.agencyCode) ?? null,
        since: (d.forwardedAt ?? d.receivedAt).toISOString(),
      },
    ];
  return running.map((s) => ({
    agencyCode: s.agencyCode,
    agencyName: s.agencyName,
    since: (s.acceptedAt ?? s.transferredAt)?.toISOString() ?? null,
  }));
}
