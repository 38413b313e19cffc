-- Cases that reach the queue by other means than the intake API, each bad in its own way.
-- 1. A measure that is not a number: the rules never see it; it goes to review as INCOMPLETE_DATA.
insert into cases (case_type, reference_date, input) values ('PARKING_PERMIT', '2026-08-01',
  '{"caseType": "PARKING_PERMIT", "referenceDate": "2026-08-01", "zone": "A", "vehicleHolderIsApplicant": true, "leaseOrCompanyCar": false, "vehicleLength": "long", "vehicleHeight": "1.60", "fuel": "PETROL", "euroClass": 6, "permitsAtAddress": 0, "ownParkingSpace": false}');
-- 2. A case type no regulation decides: it cannot be decided and goes to review with the error.
insert into cases (case_type, reference_date, input) values ('DOG_LICENCE', '2026-08-01',
  '{"caseType": "DOG_LICENCE", "referenceDate": "2026-08-01", "breed": "Labrador"}');
-- 3. A reference date before any parking rules were in force: likewise failed, to review.
insert into cases (case_type, reference_date, input) values ('PARKING_PERMIT', '2019-03-01',
  '{"caseType": "PARKING_PERMIT", "referenceDate": "2019-03-01", "zone": "A", "vehicleHolderIsApplicant": true, "leaseOrCompanyCar": false, "vehicleLength": "4.50", "vehicleHeight": "1.60", "fuel": "PETROL", "euroClass": 6, "permitsAtAddress": 0, "ownParkingSpace": false}');
