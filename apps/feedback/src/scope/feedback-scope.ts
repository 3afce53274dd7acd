import { Injectable } from '@nestjs/common';
import { ScopePolicy, type Principal } from '@motcua/auth';
import { DomainProblem } from '@motcua/http';
import { FeedbackDatabase } from '../feedback.database';
import { notFound } from '../shared/feedback-problems';

/**
 * The feedback service's use of the one scope rule (libs/auth `ScopePolicy`): an item belongs to the
 * agency that received it; officers see their agency's items (and those of the departments their
 * centre receives for); outside that an item answers 404 as if it did not exist.
 */
@Injectable()
export class FeedbackScope {
  private readonly policy: ScopePolicy;

  constructor(db: FeedbackDatabase) {
    this.policy = new ScopePolicy(db, (...problem) => new DomainProblem(...problem));
  }

  visible<F extends { id: string; agencyCode: string }>(
    principal: Principal,
    feedback: F | null,
    id: string,
  ): Promise<F> {
    return this.policy.visible(
      principal,
      feedback,
      (f) => ({ agencyCode: f.agencyCode }),
      () => notFound(`No feedback ${id}.`),
    );
  }

  /** The agencies whose items a list may show (undefined: all, for admin). */
  async listable(principal: Principal): Promise<string[] | undefined> {
    const agencies = await this.policy.listable(principal);
    return agencies && [...agencies];
  }

  /** Logging feedback for an agency at the desk: the officer must act for it (403 `agency-scope`). */
  assertActsFor(principal: Principal, agencyCode: string, field: string): Promise<void> {
    return this.policy.assertActsFor(principal, agencyCode, 'Recording feedback', field);
  }
}
