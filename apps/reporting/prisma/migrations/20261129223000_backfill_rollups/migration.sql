-- Fills the rollups from the facts already projected (they were added after the facts): the GROUP BY
-- that the projectors keep up to date from here on (apps/reporting/src/projections/dossier-rollup.ts).
DELETE FROM "dossier_day_rollup";
DELETE FROM "dossier_month_rollup";
DELETE FROM "digitization_day_rollup";
INSERT INTO "dossier_day_rollup" (generation, day, agency_code, unit_code, domain_code, procedure_code, procedure_version, channel, facts, received, in_progress, withdrawn, processed, returned, on_time, late, timed, supplements, extensions, documents_total, documents_digitized, documents_reused, population_data, electronic_results, results, payments, payments_online, processing_days, last_event_at)
SELECT c.generation, c.day, c.agency_code, c.unit_code, c.domain_code, c.procedure_code, c.procedure_version, c.channel, c.facts, c.received, c.in_progress, c.withdrawn, c.processed, c.returned, c.on_time, c.late, c.timed, c.supplements, c.extensions, c.documents_total, c.documents_digitized, c.documents_reused, c.population_data, c.electronic_results, c.results, c.payments, c.payments_online, c.processing_days::numeric, c.last_event_at
FROM (SELECT f.generation, k.day AS day, f.agency_code, COALESCE(f.unit_code, '') AS unit_code, f.domain_code, f.procedure_code, f.procedure_version, f.channel,
      count(*)::int AS facts,
      count(*) FILTER (WHERE k.role = 'r')::int AS received,
      count(*) FILTER (WHERE k.role = 'r' AND f.finished_at IS NULL AND f.status <> 'withdrawn')::int AS in_progress,
      count(*) FILTER (WHERE k.role = 'r' AND f.status = 'withdrawn')::int AS withdrawn,
      count(*) FILTER (WHERE k.role = 'f')::int AS processed,
      count(*) FILTER (WHERE k.role = 't')::int AS returned,
      count(*) FILTER (WHERE k.role = 'f' AND f.on_time)::int AS on_time,
      count(*) FILTER (WHERE k.role = 'f' AND NOT f.on_time)::int AS late,
      count(*) FILTER (WHERE k.role = 'f' AND f.received_at IS NOT NULL)::int AS timed,
      COALESCE(sum(GREATEST(0, extract(epoch FROM f.finished_at - f.received_at) / 86400 - f.paused_hours::numeric / 24)) FILTER (WHERE k.role = 'f' AND f.received_at IS NOT NULL), 0)::text AS processing_days,
      COALESCE(sum(f.supplement_count) FILTER (WHERE k.role = 'r'), 0)::int AS supplements,
      COALESCE(sum(f.extension_count) FILTER (WHERE k.role = 'r'), 0)::int AS extensions,
      COALESCE(sum(f.documents_total) FILTER (WHERE k.role = 'r'), 0)::int AS documents_total,
      COALESCE(sum(f.documents_digitized) FILTER (WHERE k.role = 'r'), 0)::int AS documents_digitized,
      COALESCE(sum(f.documents_reused) FILTER (WHERE k.role = 'r'), 0)::int AS documents_reused,
      count(*) FILTER (WHERE k.role = 'r' AND f.population_data_used)::int AS population_data,
      count(*) FILTER (WHERE k.role = 'f' AND f.electronic_result)::int AS electronic_results,
      count(*) FILTER (WHERE k.role = 'f' AND f.electronic_result IS NOT NULL)::int AS results,
      COALESCE(sum(f.payments_total) FILTER (WHERE k.role = 'r'), 0)::int AS payments,
      COALESCE(sum(f.payments_online) FILTER (WHERE k.role = 'r'), 0)::int AS payments_online,
      max(f.last_event_at) AS last_event_at
    FROM dossier_fact f
    CROSS JOIN LATERAL (VALUES ('r', f.received_on), ('f', f.finished_on), ('t', f.returned_on)) AS k(role, day)
    WHERE k.day IS NOT NULL 
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) AS c;
INSERT INTO "dossier_month_rollup" (generation, day, agency_code, unit_code, domain_code, procedure_code, procedure_version, channel, facts, received, in_progress, withdrawn, processed, returned, on_time, late, timed, supplements, extensions, documents_total, documents_digitized, documents_reused, population_data, electronic_results, results, payments, payments_online, processing_days, last_event_at)
SELECT c.generation, c.day, c.agency_code, c.unit_code, c.domain_code, c.procedure_code, c.procedure_version, c.channel, c.facts, c.received, c.in_progress, c.withdrawn, c.processed, c.returned, c.on_time, c.late, c.timed, c.supplements, c.extensions, c.documents_total, c.documents_digitized, c.documents_reused, c.population_data, c.electronic_results, c.results, c.payments, c.payments_online, c.processing_days::numeric, c.last_event_at
FROM (SELECT f.generation, date_trunc('month', k.day)::date AS day, f.agency_code, COALESCE(f.unit_code, '') AS unit_code, f.domain_code, f.procedure_code, f.procedure_version, f.channel,
      count(*)::int AS facts,
      count(*) FILTER (WHERE k.role = 'r')::int AS received,
      count(*) FILTER (WHERE k.role = 'r' AND f.finished_at IS NULL AND f.status <> 'withdrawn')::int AS in_progress,
      count(*) FILTER (WHERE k.role = 'r' AND f.status = 'withdrawn')::int AS withdrawn,
      count(*) FILTER (WHERE k.role = 'f')::int AS processed,
      count(*) FILTER (WHERE k.role = 't')::int AS returned,
      count(*) FILTER (WHERE k.role = 'f' AND f.on_time)::int AS on_time,
      count(*) FILTER (WHERE k.role = 'f' AND NOT f.on_time)::int AS late,
      count(*) FILTER (WHERE k.role = 'f' AND f.received_at IS NOT NULL)::int AS timed,
      COALESCE(sum(GREATEST(0, extract(epoch FROM f.finished_at - f.received_at) / 86400 - f.paused_hours::numeric / 24)) FILTER (WHERE k.role = 'f' AND f.received_at IS NOT NULL), 0)::text AS processing_days,
      COALESCE(sum(f.supplement_count) FILTER (WHERE k.role = 'r'), 0)::int AS supplements,
      COALESCE(sum(f.extension_count) FILTER (WHERE k.role = 'r'), 0)::int AS extensions,
      COALESCE(sum(f.documents_total) FILTER (WHERE k.role = 'r'), 0)::int AS documents_total,
      COALESCE(sum(f.documents_digitized) FILTER (WHERE k.role = 'r'), 0)::int AS documents_digitized,
      COALESCE(sum(f.documents_reused) FILTER (WHERE k.role = 'r'), 0)::int AS documents_reused,
      count(*) FILTER (WHERE k.role = 'r' AND f.population_data_used)::int AS population_data,
      count(*) FILTER (WHERE k.role = 'f' AND f.electronic_result)::int AS electronic_results,
      count(*) FILTER (WHERE k.role = 'f' AND f.electronic_result IS NOT NULL)::int AS results,
      COALESCE(sum(f.payments_total) FILTER (WHERE k.role = 'r'), 0)::int AS payments,
      COALESCE(sum(f.payments_online) FILTER (WHERE k.role = 'r'), 0)::int AS payments_online,
      max(f.last_event_at) AS last_event_at
    FROM dossier_fact f
    CROSS JOIN LATERAL (VALUES ('r', f.received_on), ('f', f.finished_on), ('t', f.returned_on)) AS k(role, day)
    WHERE k.day IS NOT NULL 
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) AS c;
INSERT INTO digitization_day_rollup (generation, day, agency_code, events, scans, scans_synced, results_issued, results_issued_electronic, reuses, results_revoked, last_occurred_at)
  SELECT d.generation, d.occurred_on, d.agency_code, count(*), count(*) FILTER (WHERE d.kind = 'digitized'),
    count(*) FILTER (WHERE d.kind = 'digitized' AND d.synced), count(*) FILTER (WHERE d.kind = 'result_issued'),
    count(*) FILTER (WHERE d.kind = 'result_issued' AND d.electronic), count(*) FILTER (WHERE d.kind = 'reused'),
    count(*) FILTER (WHERE d.kind = 'result_revoked'), max(d.occurred_at)
  FROM digitization_fact d GROUP BY d.generation, d.occurred_on, d.agency_code;
