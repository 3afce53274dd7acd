import { type TimeLimit } from './receipt-policy.types';

/** A time limit as forms print it: "5 ngày làm việc", "30 ngày", "4 giờ làm việc", "3 tháng", "trong ngày". */
export function timeLimitLabelVi(limit: TimeLimit): string {
  switch (limit.unit) {
    case 'working_days':
      return `${limit.value} ngày làm việc`;
    case 'calendar_days':
      return `${limit.value} ngày`;
    case 'working_hours':
      return `${limit.value} giờ làm việc`;
    case 'months':
      return `${limit.value} tháng`;
    case 'same_day':
      return 'trong ngày';
    default: {
      const unreachable: never = limit.unit;
      return String(unreachable);
    }
  }
}
