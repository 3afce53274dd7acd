import { Injectable } from '@nestjs/common';
import { ScopePolicy, type Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { ReportingDatabase } from '../reporting.database';

/**
 * Who may export which report (libs/auth `ScopePolicy`): province-wide roles (admin) any report,
 * the province's or one agency's; an officer or leader only the reports of an agency it acts for
 * (its own, and those its centre receives for), so it must name one: a province-wide report, or
 * another agency's, answers 403 `agency-scope` naming the `agency` field.
 */
@Injectable()
export class ReportScope {
  private readonly policy: ScopePolicy;

  constructor(db: ReportingDatabase) {
    this.policy = new ScopePolicy(db, (...problem) => new DomainProblem(...problem));
  }

  async assertMayExport(principal: Principal, agency: string | undefined): Promise<void> {
    if (agency !== undefined)
      return this.policy.assertActsFor(principal, agency, 'A report', 'agency');
    const agencies = await this.policy.listable(principal);
    if (agencies === undefined) return;
    throw new DomainProblem(
      403,
      'agency-scope',
      'A province-wide report is for province-wide roles',
      `Name the agency of the report (agency=…); you act for ${[...agencies].join(', ') || 'no agency'}.`,
      {
        errors: [
          { field: 'agency', rule: 'agency-scope', message: 'required: an agency you act for' },
        ],
      },
    );
  }
}
