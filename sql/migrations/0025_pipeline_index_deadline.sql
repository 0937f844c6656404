-- The pipeline report by stage and month (read_group of the opportunities by stage and
-- `date_deadline:month`, the forecast's grouping) read every opportunity's row from the heap for its
-- deadline, the one column it needs that crm_lead_pipeline (migration 0018) did not carry. Carried, the
-- report is an index-only scan like the kanban's: 373 / 431 → 499 / 500 transactions/s in pgbench
-- (5,000 leads, a manager, two interleaved rounds). What it costs: four bytes per entry, and an update
-- of a deadline is no longer HOT (a stage move never was).
DROP INDEX crm_lead_pipeline;
CREATE INDEX crm_lead_pipeline ON crm_lead (company_id, type, stage_id)
    INCLUDE (expected_revenue, prorated_revenue, user_id, team_id, date_deadline)
    WHERE active;
