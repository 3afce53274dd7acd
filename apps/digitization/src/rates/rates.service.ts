import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { localDaysBounds, todayInVietnam } from '@motcua/calendar';
import { DigitizationScope } from '../scope/digitization-scope';
import { dateOnly } from '../shared/principal-actor';
import { computeRates } from './rate-calculator';
import { RatesRepository } from './rates.repository';
import type { RatesQuery } from './rates.schemas';

@Injectable()
export class RatesService {
  constructor(
    private readonly repository: RatesRepository,
    private readonly scope: DigitizationScope,
  ) {}

  async rates(query: RatesQuery, principal: Principal) {
    const agencyCode = query.agencyCode ?? principal.agency;
    if (!agencyCode) {
      throw new DomainProblem(
        400,
        'validation-failed',
        'The request is not valid',
        'agencyCode is required (the token has no agency).',
        {
          errors: [
            {
              field: 'agencyCode',
              rule: 'required',
              message: 'required when the token carries no agency',
            },
          ],
        },
      );
    }
    // Officers see the rates of an agency they act for (their own, those their centre receives for).
    await this.scope.assertActsFor(principal, agencyCode, 'The digitization rates', 'agencyCode');
    const { start: from, end: until } = localDaysBounds(query.from, query.to);
    const today = todayInVietnam();
    const [received, processed] = await Promise.all([
      this.repository.received(agencyCode, from, until),
      this.repository.processed(agencyCode, from, until, dateOnly(today)),
    ]);
    return {
      agencyCode,
      period: { from: query.from, to: query.to },
      asOf: new Date().toISOString(),
      ...computeRates(received, processed),
    };
  }
}
