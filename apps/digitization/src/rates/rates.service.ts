import { Injectable } from '@nestjs/common';
import type { Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { todayInVietnam } from '@motcua/calendar';
import { DigitizationScope } from '../scope/digitization-scope';
import { dateOnly } from '../shared/principal-actor';
import { computeRates } from './rate-calculator';
import { RatesRepository } from './rates.repository';
import type { RatesQuery } from './rates.schemas';

/** Start of a local (UTC+7) day as an instant. */
const localDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

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
    const from = localDayStart(query.from);
    const until = new Date(localDayStart(query.to).getTime() + 24 * 3600_000);
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
