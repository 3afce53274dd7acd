import { Injectable } from '@nestjs/common';
import {
  AgencyDirectory,
  listableAgencies,
  loadAgencyTree,
  scopeOf,
  type Principal,
} from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { DigitizationDatabase } from '../digitization.database';
import { notFound } from '../shared/file-access';

/**
 * The digitization service's use of the one scope rule (libs/auth `scopeOf`) for results: a result
 * belongs to its issuing agency; outside the caller's scope it answers 404 as if it did not exist,
 * and a result may be issued only in the name of an agency the caller acts for (403 otherwise).
 */
@Injectable()
export class ResultScope {
  private readonly directory: AgencyDirectory;

  constructor(db: DigitizationDatabase) {
    this.directory = new AgencyDirectory(() => loadAgencyTree(db));
  }

  async sees(principal: Principal, result: { issuingAgencyCode: string }): Promise<boolean> {
    return (
      scopeOf(
        principal,
        { agencyCode: result.issuingAgencyCode },
        await this.directory.current(principal.agency),
      ) !== undefined
    );
  }

  async visible<R extends { issuingAgencyCode: string }>(
    principal: Principal,
    result: R | null,
  ): Promise<R> {
    if (!result || !(await this.sees(principal, result))) throw notFound('result');
    return result;
  }

  async assertMayIssueFor(principal: Principal, issuingAgencyCode: string): Promise<void> {
    const agencies = listableAgencies(principal, await this.directory.current(principal.agency));
    if (agencies === undefined || agencies.has(issuingAgencyCode)) return;
    throw new DomainProblem(
      403,
      'agency-scope',
      'The agency is outside your scope',
      `A result in the name of ${issuingAgencyCode} is issued by that agency's officers (or the centre receiving for it); you act for ${[...agencies].join(', ') || 'no agency'}.`,
      {
        errors: [
          {
            field: 'issuingAgencyCode',
            rule: 'agency-scope',
            message: 'not an agency you act for',
          },
        ],
      },
    );
  }
}
