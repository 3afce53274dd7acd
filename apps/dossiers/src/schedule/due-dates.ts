import {
  addCalendarDays,
  addWorkingDays,
  addWorkingHours,
  endOfOfficeDay,
  explainAppointment,
  isWorkingDay,
  nextWorkingDay,
} from '@motcua/calendar';
import type { TimeLimit } from '@motcua/calendar';

export type WorkflowStepInput = {
  order: number;
  name: string;
  unitCode: string;
  unitName: string;
  share: number;
};
export type ScheduledStep = WorkflowStepInput & { dueAt: Date };

export type Schedule = {
  /** Ngày hẹn trả (local date) and the instant it ends. */
  appointmentDate: string;
  dueAt: Date;
  countsAsReceivedOn: string;
  calendarVersion: string;
  policyId: string;
  steps: ScheduledStep[];
};

/**
 * The appointment date (libs/calendar appointmentDate rules, per unit of time limit) and each
 * workflow step's own due date: a step ends after the cumulative share of the time limit
 * (working or calendar days rounded up to a whole day; working hours counted as office hours),
 * never later than the appointment; the last step ends with it. Limits in months or "same day"
 * give every step the appointment's due instant.
 */
export function scheduleFrom(
  startedAt: Date,
  limit: TimeLimit,
  workflow: readonly WorkflowStepInput[],
): Schedule {
  const appointment = explainAppointment({ receivedAt: startedAt, limit });
  const ordered = [...workflow].sort((a, b) => a.order - b.order);
  let cumulative = 0;
  const steps = ordered.map((step, index) => {
    cumulative += step.share;
    let dueAt = appointment.dueAt;
    if (limit.unit === 'working_hours') {
      dueAt = addWorkingHours(startedAt, Math.min(limit.value, Math.max(cumulative, 1e-3)));
    } else if (limit.unit === 'working_days' || limit.unit === 'calendar_days') {
      const days = Math.min(limit.value, Math.max(1, Math.ceil(cumulative - 1e-9)));
      let date =
        limit.unit === 'working_days'
          ? addWorkingDays(appointment.countsAsReceivedOn, days)
          : addCalendarDays(appointment.countsAsReceivedOn, days);
      if (!isWorkingDay(date)) date = nextWorkingDay(date);
      dueAt = endOfOfficeDay(date);
    }
    if (index === ordered.length - 1 || dueAt.getTime() > appointment.dueAt.getTime())
      dueAt = appointment.dueAt;
    return { ...step, dueAt };
  });
  return {
    appointmentDate: appointment.appointmentDate,
    dueAt: appointment.dueAt,
    countsAsReceivedOn: appointment.countsAsReceivedOn,
    calendarVersion: appointment.calendarVersion,
    policyId: appointment.policyId,
    steps,
  };
}
