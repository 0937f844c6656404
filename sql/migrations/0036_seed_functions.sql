-- A new company's default data is seeded by functions that embudo.create_company calls
-- (embudo.seed_<NN>_<module>, in the modules' files), no longer by triggers of res_company: on Citus a
-- reference table's triggers run on every node's copy of it (issue 24).
DROP TRIGGER IF EXISTS seed_20_crm ON res_company;
DROP TRIGGER IF EXISTS seed_30_activities ON res_company;
DROP TRIGGER IF EXISTS seed_40_sale ON res_company;
DROP TRIGGER IF EXISTS seed_60_calendar ON res_company;
DROP FUNCTION IF EXISTS embudo.crm_seed_company();
DROP FUNCTION IF EXISTS embudo.activities_seed_company();
DROP FUNCTION IF EXISTS embudo.sale_seed_company();
DROP FUNCTION IF EXISTS embudo.calendar_seed_company();
