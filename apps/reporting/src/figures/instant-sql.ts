/** A timestamptz as the API's ISO instant (UTC, with milliseconds), written by PostgreSQL. */
export const isoInstantSql = (expression: string) =>
  `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
