import { Injectable } from '@nestjs/common';
import {
  AgencyDirectory,
  listableAgencies,
  loadAgencyTree,
  scopeOf,
  type Principal,
} from '@motcua/auth';
import { FeedbackDatabase } from '../feedback.database';
import { notFound } from './feedback-problems';

/**
 * The feedback service's use of the one scope rule (libs/auth `scopeOf`): an item belongs to the
 * agency that received it; officers see their agency's items (and those of the departments their
 * centre receives for); outside that an item answers 404 as if it did not exist.
 */
@Injectable()
export class FeedbackScope {
  private readonly directory: AgencyDirectory;

  constructor(db: FeedbackDatabase) {
    this.directory = new AgencyDirectory(() => loadAgencyTree(db));
  }

  async visible<F extends { id: string; agencyCode: string }>(
    principal: Principal,
    feedback: F | null,
    id: string,
  ): Promise<F> {
    const tree = await this.directory.current(principal.agency);
    if (!feedback || !scopeOf(principal, { agencyCode: feedback.agencyCode }, tree))
      throw notFound(`No feedback ${id}.`);
    return feedback;
  }

  /** The agencies whose items a list may show (undefined: all, for admin). */
  async listable(principal: Principal): Promise<string[] | undefined> {
    const agencies = listableAgencies(principal, await this.directory.current(principal.agency));
    return agencies && [...agencies];
  }
}
