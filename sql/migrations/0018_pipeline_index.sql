-- The pipeline's kanban (read_group of the company's open opportunities by stage, summing the expected
-- and prorated revenue) read every opportunity's row from the heap: 2.1 ms of PostgreSQL time at 5,000
-- leads. An index in that grouping order that carries what the statement and the row-level security
-- policies read (the salesperson, for "own documents"; the team, for the usual filters) serves it as an
-- index-only scan in stage order, with no sort: 1.3 ms in the same run.
CREATE INDEX crm_lead_pipeline ON crm_lead (company_id, stage_id)
    INCLUDE (expected_revenue, prorated_revenue, user_id, team_id)
    WHERE active AND type = 'opportunity';
