-- Applications of DOG_TAX_REMISSION, a regulation that exists only as files in the engine's test
-- resources (nl/beslisstraat/rules/dogtaxremission/, on this module's test class path by the
-- engine's test jar): one remitted, one rejected, one for a reviewer.
insert into cases (case_type, reference_date, input) values ('DOG_TAX_REMISSION', '2026-03-01',
  '{"caseType": "DOG_TAX_REMISSION", "referenceDate": "2026-03-01", "resident": true, "dogCount": 1, "assistanceDog": true, "netIncome": "900.00"}');
insert into cases (case_type, reference_date, input) values ('DOG_TAX_REMISSION', '2026-03-02',
  '{"caseType": "DOG_TAX_REMISSION", "referenceDate": "2026-03-02", "resident": false, "dogCount": 1, "assistanceDog": false, "netIncome": "900.00"}');
insert into cases (case_type, reference_date, input) values ('DOG_TAX_REMISSION', '2026-03-03',
  '{"caseType": "DOG_TAX_REMISSION", "referenceDate": "2026-03-03", "resident": true, "dogCount": 4, "assistanceDog": false, "netIncome": "900.00"}');
