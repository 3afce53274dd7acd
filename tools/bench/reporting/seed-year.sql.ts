/**
 * One year (2025) of a large province in the reporting projections (generation 1): 600,000
 * dossiers over 60 agencies, 40 domains, 2,000 procedures; ~12% late, 98% online; 30,000 feedback
 * items; 300,000 digitization events. Shapes follow docs/domain.md §8 (Phú Thọ 2026).
 */
export const SEED_YEAR_SQL = [
  `INSERT INTO projection_generation (generation, group_id, status, activated_at) VALUES (1, 'motcua.reporting.bench', 'active', now())`,
  `INSERT INTO procedure_fact (generation, code, version, name, agency_code, domain_code, online_level, effective_from, last_event_at)
   SELECT 1, '1.' || lpad(p::text, 6, '0'), 1, 'Thủ tục ' || p, 'A' || lpad((p % 60)::text, 2, '0') || '.H26', 'D' || (p % 40),
     (ARRAY['full', 'partial', 'none'])[1 + p % 3], '2024-01-01', now()
   FROM generate_series(0, 1999) AS p`,
  `INSERT INTO dossier_fact (generation, dossier_id, dossier_code, procedure_code, procedure_version, agency_code, domain_code, unit_code,
     channel, applicant_type, status, portal_status, received_at, received_on, due_date, finished_at, finished_on, finish_kind, on_time,
     returned_at, returned_on, paused_hours, supplement_count, extension_count, documents_total, documents_digitized, documents_reused,
     population_data_used, electronic_result, payments_total, payments_online, overdue, last_event_at)
   SELECT 1, gen_random_uuid(), 'A' || lpad((i % 60)::text, 2, '0') || '.H26-250101-' || lpad((i % 9999 + 1)::text, 4, '0'),
     '1.' || lpad((i % 2000)::text, 6, '0'), 1, 'A' || lpad((i % 60)::text, 2, '0') || '.H26', 'D' || (i % 2000 % 40), 'P.' || (i % 8),
     CASE WHEN i % 50 = 0 THEN 'in_person' WHEN i % 97 = 0 THEN 'postal' ELSE 'online' END, 'citizen',
     CASE WHEN i % 10 = 0 THEN 'processing' WHEN i % 10 = 9 THEN 'processed' ELSE 'returned' END,
     CASE WHEN i % 10 = 0 THEN 4 WHEN i % 10 = 9 THEN 9 ELSE 10 END,
     r, (r + interval '7 hours')::date, r + interval '5 days',
     CASE WHEN i % 10 = 0 THEN NULL ELSE r + CASE WHEN i % 100 < 12 THEN interval '6 days' ELSE interval '3 days' END END,
     CASE WHEN i % 10 = 0 THEN NULL ELSE (r + interval '7 hours' + CASE WHEN i % 100 < 12 THEN interval '6 days' ELSE interval '3 days' END)::date END,
     CASE WHEN i % 10 = 0 THEN NULL ELSE 'processed' END,
     CASE WHEN i % 10 = 0 THEN NULL ELSE i % 100 >= 12 END,
     CASE WHEN i % 10 IN (0, 9) THEN NULL ELSE r + interval '4 days' END,
     CASE WHEN i % 10 IN (0, 9) THEN NULL ELSE (r + interval '4 days 7 hours')::date END,
     0, (i % 7 = 0)::int, (i % 31 = 0)::int, 3, 2, (i % 4 = 0)::int, i % 3 = 0,
     CASE WHEN i % 10 = 0 THEN NULL ELSE i % 4 <> 0 END, (i % 5 = 0)::int, (i % 10 = 0)::int, false, r + interval '4 days'
   FROM generate_series(1, 600000) AS i, LATERAL (SELECT '2025-01-01T01:00:00Z'::timestamptz + (i * 52.56) * interval '1 second' AS r) AS t`,
  `INSERT INTO feedback_fact (generation, feedback_id, feedback_code, agency_code, domain_code, received_at, received_on, category, answer_by,
     answered_at, answered_on_time, satisfaction, last_event_at)
   SELECT 1, gen_random_uuid(), 'PAKN-' || i, 'A' || lpad((i % 60)::text, 2, '0') || '.H26', 'D' || (i % 40), r, (r + interval '7 hours')::date,
     'within_authority', r + interval '15 days', r + interval '10 days', i % 9 <> 0,
     (ARRAY['very_satisfied', 'satisfied', 'acceptable', 'dissatisfied', NULL])[1 + i % 5], r + interval '10 days'
   FROM generate_series(1, 30000) AS i, LATERAL (SELECT '2025-01-01T01:00:00Z'::timestamptz + (i * 1051) * interval '1 second' AS r) AS t`,
  `INSERT INTO digitization_fact (generation, event_id, kind, dossier_id, agency_code, electronic, synced, occurred_at, occurred_on)
   SELECT 1, gen_random_uuid(), CASE WHEN i % 3 = 0 THEN 'result_issued' WHEN i % 7 = 0 THEN 'reused' ELSE 'digitized' END, NULL,
     'A' || lpad((i % 60)::text, 2, '0') || '.H26', i % 2 = 0, i % 5 <> 0, r, (r + interval '7 hours')::date
   FROM generate_series(1, 300000) AS i, LATERAL (SELECT '2025-01-01T01:00:00Z'::timestamptz + (i * 105.12) * interval '1 second' AS r) AS t`,
  `ANALYZE`,
];
