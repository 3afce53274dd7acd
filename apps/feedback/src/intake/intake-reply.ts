import { officerView } from '../feedback/feedback.view';
import type { IntakeOutcome } from './feedback-intake.service';

/** 201 with the tracking token (shown once; only its hash is stored) or 200 with merged: true. */
export function intakeReply(
  outcome: IntakeOutcome,
  response: { status(code: number): unknown },
  audience: 'public' | 'officer',
) {
  const f = outcome.feedback;
  response.status(outcome.merged ? 200 : 201);
  const base = {
    merged: outcome.merged,
    id: f.id,
    code: f.code,
    status: f.status,
    receivedAt: f.receivedAt.toISOString(),
    dueDates: { classifyBy: f.classifyBy.toISOString(), answerBy: f.answerBy.toISOString() },
    ...(outcome.merged ? {} : { trackingToken: outcome.trackingToken }),
  };
  return audience === 'officer' ? { ...base, feedback: officerView(f) } : base;
}
